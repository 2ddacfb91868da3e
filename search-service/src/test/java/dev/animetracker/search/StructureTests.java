package dev.animetracker.search;

import dev.animetracker.testsupport.StructureRules;
import org.junit.jupiter.api.Test;

/**
 * search-service keeps its feature packages acyclic, knows no other service, has thin controllers.
 */
class StructureTests {

  @Test
  void serviceRules() {
    StructureRules.checkServiceRules("search");
  }
}
