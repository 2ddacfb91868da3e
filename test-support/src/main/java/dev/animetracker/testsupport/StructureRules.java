package dev.animetracker.testsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import java.util.List;

/**
 * The structure every module keeps, as ArchUnit rules over its production classes. Each module's
 * {@code StructureTests} checks them, so a package cycle, a service importing another service or a
 * controller reaching into data access fails {@code make test} instead of waiting for a review.
 *
 * <p>Modules are named by their base package below {@code dev.animetracker}: {@code gateway},
 * {@code user}, {@code torrent}, {@code search}, {@code tracker}, {@code notification}, {@code
 * common}.
 */
public final class StructureRules {

  /** The root package of every module. */
  public static final String ROOT = "dev.animetracker";

  /** Base packages of the six services; none may import another. */
  public static final List<String> SERVICES =
      List.of("gateway", "user", "torrent", "search", "tracker", "notification");

  private static final String TRANSACTIONAL =
      "org.springframework.transaction.annotation.Transactional";

  private static final String REST_CONTROLLER =
      "org.springframework.web.bind.annotation.RestController";

  private static final String[] DATA_ACCESS = {
    "org.springframework.jdbc..", "jakarta.persistence..", "javax.sql.."
  };

  private StructureRules() {}

  /** The production classes of one module (test classes and jars excluded). */
  public static JavaClasses mainClasses(String module) {
    return new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
        .importPackages(ROOT + "." + module);
  }

  /** No two packages of the module depend on each other, directly or around a loop. */
  public static ArchRule noPackageCycles(String module) {
    return slices()
        .matching(ROOT + "." + module + ".(**)")
        .namingSlices("package $1")
        .should()
        .beFreeOfCycles()
        .because("a package cycle makes two features one; the lower one must not know the upper");
  }

  /** The module reaches other services only through HTTP and events, never their classes. */
  public static ArchRule noOtherServiceImported(String module) {
    String[] others =
        SERVICES.stream()
            .filter(s -> !s.equals(module))
            .map(s -> ROOT + "." + s + "..")
            .toArray(String[]::new);
    return noClasses()
        .that()
        .resideInAPackage(ROOT + "." + module + "..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(others)
        .because("services talk only through Kafka events and documented HTTP APIs");
  }

  /** Controllers stay thin: SQL and JPA live in repositories, not in web classes. */
  public static ArchRule controllersUseNoDataAccess() {
    return noClasses()
        .that()
        .areAnnotatedWith("org.springframework.web.bind.annotation.RestController")
        .or()
        .areAnnotatedWith("org.springframework.stereotype.Controller")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(DATA_ACCESS)
        .because("repositories own queries and services own transactions");
  }

  /** A controller may use a repository of its own feature package only. */
  public static ArchRule controllersUseOnlyTheirFeaturesRepositories() {
    return ArchRuleDefinition.classes()
        .that()
        .areAnnotatedWith("org.springframework.web.bind.annotation.RestController")
        .or()
        .areAnnotatedWith("org.springframework.stereotype.Controller")
        .should(onlyUseRepositoriesOfTheirOwnPackage());
  }

  /** The given packages (protocol code, algorithms) import nothing from Spring. */
  public static ArchRule freeOfSpring(String... packages) {
    return noClasses()
        .that()
        .resideInAnyPackage(packages)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.springframework..")
        .because("protocol and algorithm code is pure and tested without a context");
  }

  /** One transaction idiom: {@code @Transactional} on services, no {@code TransactionTemplate}. */
  public static ArchRule transactionsAreDeclaredNeverProgrammatic() {
    return noClasses()
        .should()
        .dependOnClassesThat()
        .haveFullyQualifiedName("org.springframework.transaction.support.TransactionTemplate")
        .because("services declare transactions with @Transactional (docs/conventions.md)");
  }

  /** Controllers are never transactional, neither the class nor a method. */
  public static ArchRule controllerClassesAreNotTransactional() {
    return noClasses()
        .that()
        .areAnnotatedWith(REST_CONTROLLER)
        .should()
        .beAnnotatedWith(TRANSACTIONAL)
        .because("services own transactions");
  }

  /** See {@link #controllerClassesAreNotTransactional()}. */
  public static ArchRule controllerMethodsAreNotTransactional() {
    return methods()
        .that()
        .areDeclaredInClassesThat()
        .areAnnotatedWith(REST_CONTROLLER)
        .should()
        .notBeAnnotatedWith(TRANSACTIONAL)
        .because("services own transactions");
  }

  /** Checks every rule that applies to any service module. */
  public static void checkServiceRules(String module) {
    JavaClasses classes = mainClasses(module);
    noPackageCycles(module).check(classes);
    noOtherServiceImported(module).check(classes);
    controllersUseNoDataAccess().allowEmptyShould(true).check(classes);
    controllersUseOnlyTheirFeaturesRepositories().allowEmptyShould(true).check(classes);
    transactionsAreDeclaredNeverProgrammatic().check(classes);
    controllerClassesAreNotTransactional().allowEmptyShould(true).check(classes);
    controllerMethodsAreNotTransactional().allowEmptyShould(true).check(classes);
  }

  private static ArchCondition<JavaClass> onlyUseRepositoriesOfTheirOwnPackage() {
    return new ArchCondition<>("only use repositories of their own feature package") {
      @Override
      public void check(JavaClass controller, ConditionEvents events) {
        for (Dependency dependency : controller.getDirectDependenciesFromSelf()) {
          JavaClass target = dependency.getTargetClass();
          boolean repository =
              target.getSimpleName().endsWith("Repository")
                  || target.isAssignableTo("org.springframework.data.repository.Repository");
          if (repository
              && target.getPackageName().startsWith(ROOT)
              && !target.getPackageName().equals(controller.getPackageName())) {
            events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
          }
        }
      }
    };
  }
}
