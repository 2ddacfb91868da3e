package dev.animetracker.torrent.upload;

import dev.animetracker.common.i18n.Language;
import dev.animetracker.torrent.listing.TorrentView;
import dev.animetracker.torrent.user.ApiKeyUsers;
import dev.animetracker.torrent.web.Caller;
import dev.animetracker.torrent.web.SecurityConfiguration;
import jakarta.validation.Valid;
import java.beans.PropertyEditorSupport;
import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** {@code POST /api/torrents} (multipart): 201 with the created torrent. */
@RestController
class UploadController {

  private final UploadService uploads;
  private final UploadRequestValidator validator;
  private final ApiKeyUsers apiKeyUsers;

  UploadController(
      UploadService uploads, UploadRequestValidator validator, ApiKeyUsers apiKeyUsers) {
    this.uploads = uploads;
    this.validator = validator;
    this.apiKeyUsers = apiKeyUsers;
  }

  @InitBinder("uploadRequest")
  void uploadRules(WebDataBinder binder) {
    binder.addValidators(validator);
    // A text field named "file" is no file: null, so NotNull like a missing part, instead of a
    // conversion error naming Java types.
    binder.registerCustomEditor(
        MultipartFile.class,
        new PropertyEditorSupport() {
          @Override
          public void setAsText(String text) {
            setValue(null);
          }
        });
  }

  /**
   * The uploader is the bearer token's user, else the owner of {@code X-Api-Key} (same quotas and
   * checks; a banned owner's key is 403 {@code banned}, an unknown one 401 {@code
   * invalid-api-key}). A token wins when both are sent.
   */
  @PostMapping(path = "/api/torrents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<TorrentView> upload(
      @RequestHeader(name = SecurityConfiguration.API_KEY_HEADER, required = false) String apiKey,
      @Valid @ModelAttribute UploadRequest request,
      @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage) {
    Caller caller =
        apiKey == null || Caller.authenticated() ? Caller.current() : apiKeyUsers.caller(apiKey);
    TorrentView created =
        uploads.upload(caller, request, Language.fromAcceptLanguage(acceptLanguage));
    return ResponseEntity.created(URI.create("/api/torrents/" + created.id())).body(created);
  }
}
