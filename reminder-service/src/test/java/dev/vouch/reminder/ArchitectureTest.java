package dev.vouch.reminder;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.vouch.testsupport.ServiceArchitecture;

@AnalyzeClasses(packages = "dev.vouch.reminder", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule noPackageCycles = ServiceArchitecture.noPackageCycles("dev.vouch.reminder");

    /** The projections, the rules and the reminder lifecycle: what a reminder is, told in plain Java. */
    @ArchTest
    static final ArchRule domainIsPlainJava = ServiceArchitecture.plainJava("dev.vouch.reminder.projection..",
            "dev.vouch.reminder.rules..", "dev.vouch.reminder.lifecycle..");
}
