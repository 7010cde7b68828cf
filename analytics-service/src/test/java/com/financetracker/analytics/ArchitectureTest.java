package com.financetracker.analytics;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.financetracker.platform.test.ServiceArchitecture;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "com.financetracker.analytics", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchTests shared = ArchTests.in(ServiceArchitecture.class);

    /** Ingest writes the statistics and reports read them; ingest never depends on how they are read. */
    @ArchTest
    static final ArchRule ingestDoesNotKnowAboutReports = noClasses()
            .that()
            .resideInAPackage("..analytics.ingest..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("..analytics.report..");
}
