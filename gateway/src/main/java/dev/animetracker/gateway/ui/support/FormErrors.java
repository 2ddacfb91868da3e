package dev.animetracker.gateway.ui.support;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Localized messages of a submitted form: per field and for the form as a whole. */
public final class FormErrors {

  private final Map<String, String> fields = new LinkedHashMap<>();

  private @Nullable String global;

  public boolean has(String field) {
    return fields.containsKey(field);
  }

  public @Nullable String field(String field) {
    return fields.get(field);
  }

  public @Nullable String getGlobal() {
    return global;
  }

  public boolean any() {
    return global != null || !fields.isEmpty();
  }

  public void reject(String field, String message) {
    fields.putIfAbsent(field, message);
  }

  public void global(String message) {
    if (global == null) {
      global = message;
    }
  }
}
