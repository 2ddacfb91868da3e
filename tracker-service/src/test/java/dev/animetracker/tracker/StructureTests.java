package dev.animetracker.tracker;

import dev.animetracker.testsupport.StructureRules;
import org.junit.jupiter.api.Test;

/**
 * The package structure of tracker-service: features free of cycles, thin controllers, and the
 * protocol and swarm code pure Java, testable without a Spring context.
 */
class StructureTests {

  @Test
  void followsTheServiceRules() {
    StructureRules.checkServiceRules("tracker");
  }

  @Test
  void protocolAndSwarmCodeIsFreeOfSpring() {
    StructureRules.freeOfSpring(
            StructureRules.ROOT + ".tracker.protocol..", StructureRules.ROOT + ".tracker.swarm..")
        .check(StructureRules.mainClasses("tracker"));
  }
}
