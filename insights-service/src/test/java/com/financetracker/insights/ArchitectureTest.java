package com.financetracker.insights;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.financetracker.platform.test.ServiceArchitecture;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "com.financetracker.insights", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchTests shared = ArchTests.in(ServiceArchitecture.class);

    /** The learning core and its evaluation are plain Java: the evaluation runs without the service around it. */
    @ArchTest
    static final ArchRule theModelKnowsNothingOfSpring = noClasses()
            .that()
            .resideInAnyPackage("..insights.model..", "..insights.anomaly..", "..insights.evaluation..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.springframework..", "com.financetracker.platform..");
}
