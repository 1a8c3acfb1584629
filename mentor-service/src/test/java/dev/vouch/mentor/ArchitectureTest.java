package dev.vouch.mentor;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.vouch.mentor.contact.ContactRules;
import dev.vouch.mentor.letters.LetterHistory;
import dev.vouch.mentor.letters.LetterProgress;
import dev.vouch.mentor.mentor.MentorDetails;
import dev.vouch.mentor.ranking.Candidate;
import dev.vouch.mentor.ranking.LetterWriterRanking;
import dev.vouch.testsupport.ServiceArchitecture;

@AnalyzeClasses(packages = "dev.vouch.mentor", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule noPackageCycles = ServiceArchitecture.noPackageCycles("dev.vouch.mentor");

    @ArchTest
    static final ArchRule rulesArePlainJava = ServiceArchitecture.plainJava(LetterWriterRanking.class, Candidate.class,
            ContactRules.class, LetterHistory.class, LetterProgress.class, MentorDetails.class);
}
