package dev.vouch.mentor;

import dev.vouch.testsupport.ApiClient;
import dev.vouch.testsupport.TestTokens;
import tools.jackson.databind.JsonNode;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A fresh student of a tenant calling the mentor API, so tests never see each other's records. */
public record Student(String tenant, String id, ApiClient api) {

    public static Student of(int port) {
        return of(port, "med-school");
    }

    public static Student of(int port, String tenant) {
        String id = "student-" + UUID.randomUUID();
        return new Student(tenant, id, new ApiClient(port).as(TestTokens.student(tenant, id)));
    }

    /** Adds a mentor and returns it as the API answered; fails the test unless the answer is 201. */
    public JsonNode addMentor(String json) {
        ApiClient.Response created = api.post("/api/v1/mentors", json);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json();
    }

    public String addMentorNamed(String name) {
        return addMentor("{\"name\":\"" + name + "\"}").get("id").asString();
    }

    public ApiClient.Response logContact(String mentorId, String json) {
        return api.post("/api/v1/mentors/" + mentorId + "/contacts", json);
    }

    public JsonNode mentor(String mentorId) {
        ApiClient.Response response = api.get("/api/v1/mentors/" + mentorId);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }
}
