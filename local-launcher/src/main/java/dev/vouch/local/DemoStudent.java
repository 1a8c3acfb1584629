package dev.vouch.local;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Seeds a believable residency applicant through the public API, as the student would: mentors of several
 * kinds, a contact history, and letters with near deadlines, so that reminders appear within a scheduler tick.
 */
final class DemoStudent {

    static final String TENANT = "demo-school";
    static final String STUDENT = "demo-student";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private DemoStudent() {
    }

    static String seed(String mentorApi, String requestApi, String reminderApi) {
        String token = token(mentorApi, TENANT, STUDENT, "STUDENT");
        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);

        String rivera = mentor(mentorApi, token, "Dr. Ana Rivera", "Associate Professor of Medicine", "Internal Medicine",
                "Massachusetts General Hospital", "CLINICIAN_SHADOWED", "CURRENT_NETWORK");
        String okafor = mentor(mentorApi, token, "Dr. Samuel Okafor", "Principal Investigator", "Cardiology Research",
                "Broad Institute", "RESEARCH_PI", "CURRENT_NETWORK");
        String chen = mentor(mentorApi, token, "Prof. Lin Chen", "Course Director, Biochemistry", "Biochemistry",
                "State University", "FACULTY", "ALUMNI");
        String patel = mentor(mentorApi, token, "Dr. Priya Patel", "Attending Physician", "Emergency Medicine",
                "City Free Clinic", "VOLUNTEER_SUPERVISOR", "NETWORKING_EVENT");

        contact(mentorApi, token, rivera, "MEETING", now.minus(6, ChronoUnit.DAYS), "Shadowed two clinic afternoons");
        contact(mentorApi, token, okafor, "EMAIL", now.minus(20, ChronoUnit.DAYS), "Shared the poster abstract");
        contact(mentorApi, token, chen, "ADVICE", now.minus(140, ChronoUnit.DAYS), "Advice on the personal statement");
        contact(mentorApi, token, patel, "EVENT", now.minus(45, ChronoUnit.DAYS), "Met at the SNMA regional conference");

        letter(requestApi, token, rivera, "RESIDENCY", List.of("MGH Internal Medicine", "BIDMC Internal Medicine"),
                now.plus(5, ChronoUnit.DAYS), List.of("CV"), false);
        letter(requestApi, token, okafor, "RESIDENCY", List.of("Brigham Internal Medicine"),
                now.plus(20, ChronoUnit.DAYS), List.of("PERSONAL_STATEMENT", "CV", "HIGHLIGHTS"), false);
        letter(requestApi, token, patel, "SCHOLARSHIP", List.of("AMSA Health Equity Scholarship"),
                now.plus(35, ChronoUnit.DAYS), List.of(), true);

        return "\nDemo student seeded: tenant '" + TENANT + "', student '" + STUDENT + "', 4 mentors, 4 contacts, 3 letters.\n"
                + "Reminders appear within a scheduler tick:\n"
                + "  TOKEN=$(curl -s '" + mentorApi + "/dev/token?tenant=" + TENANT + "&sub=" + STUDENT + "&roles=STUDENT')\n"
                + "  curl -s -H \"Authorization: Bearer $TOKEN\" " + reminderApi + "/api/v1/reminders\n"
                + "  curl -s -H \"Authorization: Bearer $TOKEN\" " + mentorApi + "/api/v1/mentors/ranking\n";
    }

    static String token(String api, String tenant, String subject, String roles) {
        return send(HttpRequest.newBuilder(URI.create(api + "/dev/token?tenant=" + encode(tenant) + "&sub=" + encode(subject)
                + "&roles=" + encode(roles))).GET(), 200).trim();
    }

    private static String mentor(String api, String token, String name, String title, String specialty,
                                 String organization, String relationship, String source) {
        ObjectNode body = JSON.createObjectNode()
                .put("name", name).put("title", title).put("specialty", specialty).put("organization", organization)
                .put("relationship", relationship).put("source", source);
        return JSON.readTree(post(api + "/api/v1/mentors", token, body)).get("id").asString();
    }

    private static void contact(String api, String token, String mentorId, String type, Instant at, String notes) {
        ObjectNode body = JSON.createObjectNode().put("type", type).put("occurredAt", at.toString()).put("notes", notes);
        post(api + "/api/v1/mentors/" + mentorId + "/contacts", token, body);
    }

    private static void letter(String api, String token, String mentorId, String purpose, List<String> targets,
                               Instant deadline, List<String> materials, boolean planned) {
        ObjectNode body = JSON.createObjectNode()
                .put("mentorId", mentorId).put("purpose", purpose).put("deadline", deadline.toString())
                .put("waiverSigned", true).put("planned", planned)
                .put("message", "Thank you for considering writing on my behalf.");
        targets.forEach(body.putArray("targets")::add);
        materials.forEach(body.putArray("materials")::add);
        post(api + "/api/v1/letters", token, body);
    }

    private static String post(String url, String token, JsonNode body) {
        return send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))), 201);
    }

    private static String send(HttpRequest.Builder request, int expected) {
        try {
            HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new IllegalStateException(response.request().method() + " " + response.request().uri()
                        + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot reach " + request.build().uri() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
