package dev.vouch.request.coverage;

import dev.vouch.events.ApplicationSystem;
import dev.vouch.events.LetterKind;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * The letter rules of each application system, under {@code vouch.coverage.systems.<SYSTEM>}. The defaults and
 * their sources are in application.yml and docs/request-service.md; a school changes them there (or by
 * environment) when a cycle's rules change. A system without an entry has no rule.
 */
@ConfigurationProperties("vouch.coverage")
public record CoverageProperties(Map<ApplicationSystem, System> systems) {

    /** One system's rule as configured. */
    public record System(Integer minLetters, Integer maxLetters, Set<LetterKind> requiredKinds,
                         Boolean committeeMeetsMinimum) {

        CoverageRule rule() {
            return new CoverageRule(minLetters == null ? 0 : minLetters, maxLetters, requiredKinds,
                    Boolean.TRUE.equals(committeeMeetsMinimum));
        }
    }

    public CoverageProperties {
        systems = systems == null ? Map.of() : Map.copyOf(systems);
    }

    public Map<ApplicationSystem, CoverageRule> rules() {
        Map<ApplicationSystem, CoverageRule> rules = new EnumMap<>(ApplicationSystem.class);
        for (ApplicationSystem system : ApplicationSystem.values()) {
            System configured = systems.get(system);
            rules.put(system, configured == null ? CoverageRule.NONE : configured.rule());
        }
        return rules;
    }
}
