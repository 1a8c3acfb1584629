package dev.vouch.events;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same event encodes to the same bytes in every JVM. Sets of enums encode in declaration order
 * ({@code Set.copyOf} iterates in an order that changes from one JVM start to the next).
 */
class DeterministicEncodingTest {

    private static final LinkedHashSet<Material> SHUFFLED = new LinkedHashSet<>(List.of(
            Material.REQUEST_FORM, Material.TRANSCRIPT, Material.CV, Material.HIGHLIGHTS,
            Material.PERSONAL_STATEMENT, Material.SUBMISSION_INSTRUCTIONS));

    private static final String IN_DECLARATION_ORDER = "[\"PERSONAL_STATEMENT\",\"CV\",\"TRANSCRIPT\","
            + "\"HIGHLIGHTS\",\"SUBMISSION_INSTRUCTIONS\",\"REQUEST_FORM\"]";

    @Test
    void materialsSharedEncodesMaterialsInDeclarationOrder() {
        String json = json(new LetterMaterialsShared("l-1", "m-1", SHUFFLED));

        assertThat(json).isEqualTo("{\"letterId\":\"l-1\",\"mentorId\":\"m-1\",\"materials\":"
                + IN_DECLARATION_ORDER + "}");
    }

    @Test
    void letterRequestedEncodesMaterialsInDeclarationOrder() {
        String json = json(new LetterRequested("l-1", "m-1", LetterPurpose.RESIDENCY, List.of(), null,
                true, SHUFFLED, false, false, null));

        assertThat(json).contains("\"materials\":" + IN_DECLARATION_ORDER);
    }

    @Test
    void absentMaterialsEncodeAsAnEmptyArray() {
        assertThat(json(new LetterMaterialsShared("l-1", "m-1", null))).contains("\"materials\":[]");
    }

    private static String json(VouchEvent event) {
        return new String(EventCodec.encode(event), StandardCharsets.UTF_8);
    }
}
