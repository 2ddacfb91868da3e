package dev.animetracker.torrent.web;

import dev.animetracker.common.web.FieldProblem;
import dev.animetracker.common.web.ProblemHandler;
import dev.animetracker.torrent.TorrentsProperties;
import dev.animetracker.torrent.metainfo.MetainfoException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/**
 * Maps this service's errors to problem+json; see {@link ProblemHandler} for the shared cases. A
 * rejected .torrent is a 400 problem carrying the parser's {@code code} and message (413 {@code
 * torrent-too-large} for the size limit).
 */
@RestControllerAdvice
class ApiExceptionHandler extends ProblemHandler {

  private final TorrentsProperties properties;

  ApiExceptionHandler(TorrentsProperties properties) {
    this.properties = properties;
  }

  /** A 429 carries {@code Retry-After} as a header too (clients and proxies honour it there). */
  @ExceptionHandler(RateLimited.class)
  ResponseEntity<ProblemDetail> rateLimited(RateLimited exception) {
    ProblemDetail problem = problem(exception.status(), exception.code(), exception.getMessage());
    exception.properties().forEach(problem::setProperty);
    return ResponseEntity.status(exception.status())
        .header(HttpHeaders.RETRY_AFTER, Long.toString(exception.retryAfterSeconds()))
        .body(problem);
  }

  @ExceptionHandler(MetainfoException.class)
  ResponseEntity<ProblemDetail> metainfo(MetainfoException exception) {
    HttpStatus status =
        MetainfoException.Codes.TORRENT_TOO_LARGE.equals(exception.code())
            ? HttpStatus.CONTENT_TOO_LARGE
            : HttpStatus.BAD_REQUEST;
    ProblemDetail problem =
        problem(status, exception.code(), exception.getMessage(), exception.args());
    problem.setTitle("Invalid .torrent file");
    return ResponseEntity.status(status).body(problem);
  }

  @Override
  protected ResponseEntity<Object> handleMaxUploadSizeExceededException(
      MaxUploadSizeExceededException exception,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(tooLarge());
  }

  @Override
  protected ResponseEntity<Object> handleMissingServletRequestPart(
      MissingServletRequestPartException exception,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    return ResponseEntity.badRequest()
        .body(
            validationProblem(
                List.of(
                    new FieldProblem(
                        exception.getRequestPartName(), "NotNull", "This part is required."))));
  }

  @Override
  protected ResponseEntity<Object> handleMissingServletRequestParameter(
      MissingServletRequestParameterException exception,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    return ResponseEntity.badRequest()
        .body(
            validationProblem(
                List.of(
                    new FieldProblem(
                        exception.getParameterName(), "NotNull", "This field is required."))));
  }

  @ExceptionHandler(MultipartException.class)
  ResponseEntity<ProblemDetail> multipart(MultipartException exception) {
    if (exception.getCause() != null
        && exception.getCause().getClass().getSimpleName().contains("SizeLimit")) {
      return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(tooLarge());
    }
    return ResponseEntity.badRequest()
        .body(
            problem(
                HttpStatus.BAD_REQUEST,
                "malformed-body",
                "The request is not a valid multipart/form-data upload."));
  }

  private ProblemDetail tooLarge() {
    return problem(
        HttpStatus.CONTENT_TOO_LARGE,
        MetainfoException.Codes.TORRENT_TOO_LARGE,
        "The .torrent file is larger than the limit of "
            + properties.maxTorrentSize().toKilobytes()
            + " KiB.",
        Map.of("limit", properties.maxTorrentSize().toBytes()));
  }
}
