package dev.animetracker.gateway;

import dev.animetracker.testsupport.StructureRules;
import org.junit.jupiter.api.Test;

/** The gateway's packages stay a layering: no cycles, no other service's classes, thin pages. */
class StructureTests {

  @Test
  void keepsTheServiceRules() {
    StructureRules.checkServiceRules("gateway");
  }
}
