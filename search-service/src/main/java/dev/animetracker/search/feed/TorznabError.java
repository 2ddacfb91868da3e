package dev.animetracker.search.feed;

/** The Newznab error codes our Torznab endpoint answers with. */
enum TorznabError {
  INCORRECT_CREDENTIALS(100, "Incorrect user credentials"),
  MISSING_PARAMETER(200, "Missing parameter"),
  INCORRECT_PARAMETER(201, "Incorrect parameter"),
  NO_SUCH_FUNCTION(202, "No such function"),
  FUNCTION_NOT_AVAILABLE(203, "Function not available"),
  UNKNOWN(900, "Unknown error");

  private final int code;
  private final String description;

  TorznabError(int code, String description) {
    this.code = code;
    this.description = description;
  }

  int code() {
    return code;
  }

  /** The spec's description, then ours ({@code Incorrect parameter: limit must be ...}). */
  String describe(String detail) {
    return detail == null || detail.isBlank() ? description : description + ": " + detail;
  }
}
