package com.financetracker.users;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.stereotype.Repository;
import org.springframework.web.bind.annotation.RestController;

@AnalyzeClasses(packages = "com.financetracker.users", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule repositoriesStayInsideTheirFeature =
            classes().that().areAnnotatedWith(Repository.class).should().notBePublic();

    @ArchTest
    static final ArchRule controllersStayInsideTheirFeature =
            classes().that().areAnnotatedWith(RestController.class).should().notBePublic();

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
