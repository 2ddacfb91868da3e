package dev.animetracker.torrent.upload;

import dev.animetracker.common.web.DomainException;
import dev.animetracker.common.web.FieldProblem;
import dev.animetracker.torrent.catalog.Catalogue;
import dev.animetracker.torrent.catalog.TagNames;
import dev.animetracker.torrent.core.TorrentFields;
import dev.animetracker.torrent.series.SeriesMatcher;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * The upload rules beyond the standard constraints on {@link UploadRequest}, reported with the
 * field error codes clients already know ({@code NotEmpty}, {@code Exists}, {@code Size}, {@code
 * Invalid}, {@code Exists} for an unknown {@code series}, and the release fields' codes of {@link
 * dev.animetracker.torrent.release.ReleaseCorrections}): runs with them in the same {@code @Valid}
 * pass.
 */
@Component
class UploadRequestValidator implements Validator {

  private final Catalogue catalogue;
  private final SeriesMatcher series;

  UploadRequestValidator(Catalogue catalogue, SeriesMatcher series) {
    this.catalogue = catalogue;
    this.series = series;
  }

  @Override
  public boolean supports(Class<?> type) {
    return UploadRequest.class.equals(type);
  }

  @Override
  public void validate(Object target, Errors errors) {
    UploadRequest request = (UploadRequest) target;
    if (request.file() != null && request.file().isEmpty()) {
      errors.rejectValue("file", "NotEmpty", "The .torrent file is empty.");
    }
    String category = request.category();
    if (category != null && !category.isBlank() && catalogue.category(category.strip()).isEmpty()) {
      errors.rejectValue(
          "category", "Exists", "There is no category \"" + category.strip() + "\".");
    }
    String title = request.cleanTitle();
    if (title != null && TorrentFields.titleTooLong(title)) {
      errors.rejectValue("title", "Size", TorrentFields.titleTooLongMessage());
    }
    String description = request.cleanDescription();
    if (description != null && TorrentFields.descriptionTooLong(description)) {
      errors.rejectValue("description", "Size", TorrentFields.descriptionTooLongMessage());
    }
    String mediaInfo = request.cleanMediaInfo();
    if (mediaInfo != null && TorrentFields.mediaInfoTooLong(mediaInfo)) {
      errors.rejectValue("mediaInfo", "Size", TorrentFields.mediaInfoTooLongMessage());
    }
    try {
      TagNames.parse(request.tags(), "tags");
    } catch (DomainException e) {
      errors.rejectValue("tags", "Invalid", e.getMessage());
    }
    List<FieldProblem> problems = new ArrayList<>();
    request.releaseCorrections(problems);
    request.remakeFlag(problems);
    request.completeFlag(problems);
    if (request.series() != null && !request.series().isBlank()) {
      series.named(request.series(), problems);
    }
    problems.forEach(
        problem -> errors.rejectValue(problem.field(), problem.code(), problem.message()));
  }
}
