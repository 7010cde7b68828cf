package com.financetracker.expenses;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.financetracker.platform.test.ServiceArchitecture;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "com.financetracker.expenses", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchTests shared = ArchTests.in(ServiceArchitecture.class);

    @ArchTest
    static final ArchRule summariesDoNotKnowAboutImports = noClasses()
            .that()
            .resideInAPackage("..expenses.summary..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("..expenses.imports..");

    @ArchTest
    static final ArchRule importsDoNotKnowAboutSummaries = noClasses()
            .that()
            .resideInAPackage("..expenses.imports..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("..expenses.summary..");

    @ArchTest
    static final ArchRule accountsDependOnNoOtherFeature = noClasses()
            .that()
            .resideInAPackage("..expenses.account..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "..expenses.expense..", "..expenses.category..", "..expenses.summary..", "..expenses.imports..");
}
