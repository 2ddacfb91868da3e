package dev.animetracker.common;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import dev.animetracker.testsupport.StructureRules;
import org.junit.jupiter.api.Test;

/** common is the bottom floor: no package cycles, and it knows no service. */
class StructureTests {

  private final JavaClasses classes = StructureRules.mainClasses("common");

  @Test
  void noPackageCycles() {
    StructureRules.noPackageCycles("common").check(classes);
  }

  @Test
  void dependsOnNoService() {
    noClasses()
        .that()
        .resideInAPackage(StructureRules.ROOT + ".common..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            StructureRules.SERVICES.stream()
                .map(service -> StructureRules.ROOT + "." + service + "..")
                .toArray(String[]::new))
        .because("every service depends on common, so common may depend on none of them")
        .check(classes);
  }
}
