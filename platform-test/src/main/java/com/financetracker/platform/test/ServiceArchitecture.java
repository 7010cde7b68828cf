package com.financetracker.platform.test;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Controller;
import org.springframework.stereotype.Repository;

/**
 * The rules every service's code keeps, shared so each service checks the same ones: include them in a service's
 * architecture test with {@code @ArchTest static final ArchTests shared = ArchTests.in(ServiceArchitecture.class)}
 * and add the service's own rules (which feature may know which) beside them.
 */
public final class ServiceArchitecture {

    private ServiceArchitecture() {}

    /** A repository is its feature's own way to its tables: other features ask the feature's service. */
    @ArchTest
    public static final ArchRule repositoriesStayInsideTheirFeature =
            classes().that().areAnnotatedWith(Repository.class).should().notBePublic();

    /** Controllers (of APIs and of pages) are reached over HTTP only. */
    @ArchTest
    public static final ArchRule controllersStayInsideTheirFeature =
            classes().that().areMetaAnnotatedWith(Controller.class).should().notBePublic();

    /** Dependencies come through constructors, so every collaborator is visible and final. */
    @ArchTest
    public static final ArchRule noFieldInjection =
            noFields().should().beAnnotatedWith(Autowired.class).because("dependencies are constructor parameters");

    /**
     * Features (the packages under the service's root package) may depend on each other one way only. The
     * {@code config} package wires them together and holds the settings they read, so it is left out.
     */
    @ArchTest
    public static final ArchRule featuresHaveNoCycles = slices().matching("com.financetracker.(*).(*)..")
            .namingSlices("$2")
            .should()
            .beFreeOfCycles()
            .ignoreDependency(resideInAPackage("..config.."), alwaysTrue())
            .ignoreDependency(alwaysTrue(), resideInAPackage("..config.."));
}
