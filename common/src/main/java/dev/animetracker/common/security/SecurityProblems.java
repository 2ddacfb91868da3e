package dev.animetracker.common.security;

import dev.animetracker.common.web.ProblemHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;

/** 401 and 403 answers of a resource server's security filter chain as problem+json. */
public class SecurityProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

  private final JsonMapper mapper;

  public SecurityProblems(JsonMapper mapper) {
    this.mapper = mapper;
  }

  @Override
  public void commence(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
      throws IOException {
    boolean badToken = exception instanceof InvalidBearerTokenException;
    response.setHeader(
        HttpHeaders.WWW_AUTHENTICATE,
        badToken
            ? "Bearer error=\"invalid_token\", error_description=\"The access token is invalid or"
                + " expired\""
            : "Bearer");
    write(
        request,
        response,
        HttpServletResponse.SC_UNAUTHORIZED,
        "Unauthorized",
        badToken ? "invalid-access-token" : "unauthorized",
        badToken
            ? "The access token is invalid or has expired; refresh it or log in again."
            : "Log in to do this.");
  }

  @Override
  public void handle(
      HttpServletRequest request, HttpServletResponse response, AccessDeniedException exception)
      throws IOException {
    write(
        request,
        response,
        HttpServletResponse.SC_FORBIDDEN,
        "Forbidden",
        "forbidden",
        "You are not allowed to do this.");
  }

  private void write(
      HttpServletRequest request,
      HttpServletResponse response,
      int status,
      String title,
      String code,
      String detail)
      throws IOException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", ProblemHandler.TYPE_BASE + code);
    body.put("title", title);
    body.put("status", status);
    body.put("detail", detail);
    body.put("instance", request.getRequestURI());
    body.put("code", code);
    response.setStatus(status);
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    mapper.writeValue(response.getOutputStream(), body);
  }
}
