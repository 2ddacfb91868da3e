package dev.animetracker.gateway.ui.support;

import java.util.Set;

/**
 * The names of the request's query parameters, for flags such as {@code ?saved}.
 *
 * @param names the parameter names
 */
public record Flags(Set<String> names) {

  public boolean has(String name) {
    return names.contains(name);
  }
}
