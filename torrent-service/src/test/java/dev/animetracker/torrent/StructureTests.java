package dev.animetracker.torrent;

import dev.animetracker.testsupport.StructureRules;
import org.junit.jupiter.api.Test;

/**
 * torrent-service keeps its feature packages apart: no package cycles, no other service's classes,
 * controllers without data access or another feature's repositories; the .torrent parser stays
 * plain Java.
 */
class StructureTests {

  @Test
  void followsTheServiceRules() {
    StructureRules.checkServiceRules("torrent");
  }

  @Test
  void theMetainfoParserIsFreeOfSpring() {
    StructureRules.freeOfSpring("dev.animetracker.torrent.metainfo..")
        .check(StructureRules.mainClasses("torrent"));
  }
}
