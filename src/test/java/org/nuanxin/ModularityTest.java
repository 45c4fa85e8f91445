package org.nuanxin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** Verifies that no module reaches into another module's internals and that there are no cycles. */
class ModularityTest {

    private final ApplicationModules modules = ApplicationModules.of(NuanxinApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }

    @Test
    void writesModuleDocumentation() throws IOException {
        Path docs = Path.of("target", "spring-modulith-docs");
        deleteRecursively(docs); // so the files checked below are this run's, not a previous build's

        new Documenter(modules, docs.toString()).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();

        String overview = Files.readString(docs.resolve("components.puml"));
        assertThat(modules.stream())
                .isNotEmpty()
                .allSatisfy(module -> assertThat(docs.resolve("module-" + module.getIdentifier() + ".puml"))
                        .isNotEmptyFile());
        // The overview draws the modules that use or are used by another (a module on its own, like web's
        // layouts, has no arrow to draw); station uses several, so the set is never empty.
        Set<ApplicationModule> related = new HashSet<>();
        modules.forEach(
                module -> module.getDirectDependencies(modules).uniqueModules().forEach(target -> {
                    related.add(module);
                    related.add(target);
                }));
        assertThat(related)
                .extracting(ApplicationModule::getIdentifier)
                .map(Object::toString)
                .contains("station");
        assertThat(related)
                .allSatisfy(module ->
                        assertThat(overview).as("overview diagram").contains("\"" + module.getDisplayName() + "\""));
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
