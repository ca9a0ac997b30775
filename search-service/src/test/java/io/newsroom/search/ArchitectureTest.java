package io.newsroom.search;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** Feature packages depend on each other one way only: a new cycle fails the build. */
class ArchitectureTest {

    @Test
    void featurePackagesAreFreeOfCycles() {
        slices().matching("io.newsroom.search.(*)..").should().beFreeOfCycles()
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("io.newsroom.search"));
    }
}
