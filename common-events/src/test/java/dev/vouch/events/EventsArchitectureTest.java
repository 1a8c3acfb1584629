package dev.vouch.events;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The contracts module stays free of infrastructure, so every service (and non-Spring code) can use it. */
@AnalyzeClasses(packages = "dev.vouch.events", importOptions = ImportOption.DoNotIncludeTests.class)
class EventsArchitectureTest {

    @ArchTest
    static final ArchRule noInfrastructureDependencies = noClasses()
            .that().resideInAPackage("dev.vouch.events..")
            .should().dependOnClassesThat()
            .resideInAnyPackage("org.springframework..", "org.apache.kafka..", "com.mongodb..", "org.bson..");

    @ArchTest
    static final ArchRule eventRecordsArePlainData = classes()
            .that().implement(VouchEvent.class).and().areRecords()
            .should().onlyDependOnClassesThat()
            .resideInAnyPackage("java..", "dev.vouch.events..", "com.fasterxml.jackson.annotation..");
}
