package dev.animetracker.user;

import dev.animetracker.testsupport.StructureRules;
import org.junit.jupiter.api.Test;

/**
 * The package structure of user-service: features free of cycles, thin controllers, and the one
 * transaction idiom (docs/conventions.md, "Transactions and data access").
 */
class StructureTests {

  @Test
  void followsTheServiceRules() {
    StructureRules.checkServiceRules("user");
  }
}
