package org.nuanxin;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Test;

/**
 * Rules of the module layout that Spring Modulith's verification does not check: a module's public
 * package (its API, e.g. {@code org.nuanxin.station}) never depends on its own {@code internal}
 * package, so the API can be read, and later split off, without the implementation.
 */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.nuanxin");

    @Test
    void aModulesPublicPackageNeverUsesItsOwnInternals() {
        noClasses()
                .that(isInAModulesTopPackage())
                .should(dependOnTheirOwnInternals())
                .check(CLASSES);
    }

    private static com.tngtech.archunit.base.DescribedPredicate<JavaClass> isInAModulesTopPackage() {
        return com.tngtech.archunit.base.DescribedPredicate.describe(
                "are in a module's top package", c -> c.getPackageName().matches("org\\.nuanxin\\.[a-z]+"));
    }

    private static ArchCondition<JavaClass> dependOnTheirOwnInternals() {
        return new ArchCondition<>("depend on their module's internal package") {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                String internal = item.getPackageName() + ".internal";
                item.getDirectDependenciesFromSelf().stream()
                        .filter(d -> d.getTargetClass().getPackageName().startsWith(internal))
                        .forEach(d -> events.add(SimpleConditionEvent.satisfied(d, d.getDescription())));
            }
        };
    }
}
