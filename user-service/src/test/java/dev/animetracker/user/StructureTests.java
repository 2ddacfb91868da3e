package dev.animetracker.user;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import dev.animetracker.testsupport.StructureRules;
import org.junit.jupiter.api.Test;

/**
 * The package structure of user-service (features free of cycles, thin controllers) and its one
 * transaction idiom: {@code @Transactional} on service-layer beans, never on a controller, no
 * {@code TransactionTemplate} (docs/conventions.md, "Transactions and data access").
 */
class StructureTests {

  private static final String TRANSACTIONAL =
      "org.springframework.transaction.annotation.Transactional";

  @Test
  void followsTheServiceRules() {
    StructureRules.checkServiceRules("user");
  }

  @Test
  void transactionsAreDeclaredNeverProgrammatic() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .haveFullyQualifiedName("org.springframework.transaction.support.TransactionTemplate")
        .because("services declare transactions with @Transactional")
        .check(StructureRules.mainClasses("user"));
  }

  @Test
  void controllersAreNotTransactional() {
    noClasses()
        .that()
        .areAnnotatedWith("org.springframework.web.bind.annotation.RestController")
        .should()
        .beAnnotatedWith(TRANSACTIONAL)
        .because("services own transactions")
        .check(StructureRules.mainClasses("user"));
    methods()
        .that()
        .areDeclaredInClassesThat()
        .areAnnotatedWith("org.springframework.web.bind.annotation.RestController")
        .should()
        .notBeAnnotatedWith(TRANSACTIONAL)
        .because("services own transactions")
        .check(StructureRules.mainClasses("user"));
  }
}
