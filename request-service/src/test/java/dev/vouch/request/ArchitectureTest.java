package dev.vouch.request;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.vouch.request.letter.Deadline;
import dev.vouch.request.letter.LetterLifecycle;
import dev.vouch.request.letter.ShortNotice;
import dev.vouch.request.mentor.MentorChange;
import dev.vouch.testsupport.ServiceArchitecture;

@AnalyzeClasses(packages = "dev.vouch.request", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule noPackageCycles = ServiceArchitecture.noPackageCycles("dev.vouch.request");

    @ArchTest
    static final ArchRule rulesArePlainJava = ServiceArchitecture.plainJava(LetterLifecycle.class, Deadline.class,
            ShortNotice.class, MentorChange.class);
}
