package dev.vouch.mentor.mentor;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The examples of RFC 7396, appendix A. */
class JsonMergePatchTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    void check(String target, String patch, String expected) {
        assertThat(JsonMergePatch.apply(JSON.readTree(target), JSON.readTree(patch))).isEqualTo(JSON.readTree(expected));
    }

    @Test
    void rfc7396Examples() {
        check("{\"a\":\"b\"}", "{\"a\":\"c\"}", "{\"a\":\"c\"}");
        check("{\"a\":\"b\"}", "{\"b\":\"c\"}", "{\"a\":\"b\",\"b\":\"c\"}");
        check("{\"a\":\"b\"}", "{\"a\":null}", "{}");
        check("{\"a\":\"b\",\"b\":\"c\"}", "{\"a\":null}", "{\"b\":\"c\"}");
        check("{\"a\":[\"b\"]}", "{\"a\":\"c\"}", "{\"a\":\"c\"}");
        check("{\"a\":\"c\"}", "{\"a\":[\"b\"]}", "{\"a\":[\"b\"]}");
        check("{\"a\":{\"b\":\"c\"}}", "{\"a\":{\"b\":\"d\",\"c\":null}}", "{\"a\":{\"b\":\"d\"}}");
        check("{\"a\":[{\"b\":\"c\"}]}", "{\"a\":[1]}", "{\"a\":[1]}");
        check("[\"a\",\"b\"]", "[\"c\",\"d\"]", "[\"c\",\"d\"]");
        check("{\"a\":\"b\"}", "[\"c\"]", "[\"c\"]");
        check("{\"e\":null}", "{\"a\":1}", "{\"e\":null,\"a\":1}");
        check("[1,2]", "{\"a\":\"b\",\"c\":null}", "{\"a\":\"b\"}");
        check("{}", "{\"a\":{\"bb\":{\"ccc\":null}}}", "{\"a\":{\"bb\":{}}}");
    }

    @Test
    void theTargetIsLeftUntouched() {
        var target = JSON.readTree("{\"a\":{\"b\":1}}");
        JsonMergePatch.apply(target, JSON.readTree("{\"a\":{\"b\":2}}"));
        assertThat(target).isEqualTo(JSON.readTree("{\"a\":{\"b\":1}}"));
    }
}
