package com.financetracker.users;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.financetracker.platform.test.ServiceArchitecture;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "com.financetracker.users", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchTests shared = ArchTests.in(ServiceArchitecture.class);

    @ArchTest
    static final ArchRule accountsDoNotKnowAboutTokens = noClasses()
            .that()
            .resideInAPackage("..users.account..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("..users.token..");

    @ArchTest
    static final ArchRule keysDoNotKnowAboutAccountsOrTokens = noClasses()
            .that()
            .resideInAPackage("..users.key..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("..users.account..", "..users.token..");
}
