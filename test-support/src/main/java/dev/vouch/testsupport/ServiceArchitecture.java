package dev.vouch.testsupport;

import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The structure every service keeps, as ArchUnit rules its architecture test declares: features that do not
 * depend on each other in a circle, and rules and domain code in plain Java.
 */
public final class ServiceArchitecture {

    private ServiceArchitecture() {
    }

    /** No two packages of the service ({@code basePackage} and every package below it) depend on each other in a circle. */
    public static ArchRule noPackageCycles(String basePackage) {
        return slices().matching(basePackage + ".(*)..").namingSlices("$1").should().beFreeOfCycles()
                .as("the packages of " + basePackage + " are free of cycles");
    }

    /** Classes in these packages (ArchUnit package patterns) know no Spring, Kafka or MongoDB. */
    public static ArchRule plainJava(String... packages) {
        return noClasses().that().resideInAnyPackage(packages)
                .should().dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "org.apache.kafka..", "com.mongodb..", "org.bson..")
                .as("rules and domain code in " + String.join(", ", packages) + " are plain Java");
    }

    /** These rule and domain classes know no Spring, Kafka or MongoDB (for services whose features mix them with adapters). */
    public static ArchRule plainJava(Class<?>... classes) {
        return noClasses().that().belongToAnyOf(classes)
                .should().dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "org.apache.kafka..", "com.mongodb..", "org.bson..")
                .as("the rules and domain classes are plain Java");
    }
}
