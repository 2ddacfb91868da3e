package dev.animetracker.notification;

import dev.animetracker.testsupport.StructureRules;
import org.junit.jupiter.api.Test;

/**
 * notification-service keeps its feature packages acyclic, knows no other service, has thin
 * controllers.
 */
class StructureTests {

  @Test
  void serviceRules() {
    StructureRules.checkServiceRules("notification");
  }
}
