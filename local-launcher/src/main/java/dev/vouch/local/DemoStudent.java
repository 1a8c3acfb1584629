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
    static final String CLASSMATE = "demo-classmate";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private DemoStudent() {
    }

    static String seed(String mentorApi, String requestApi, String reminderApi) {
        String token = token(mentorApi, TENANT, STUDENT, "STUDENT");
        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);

        // Ratings that tell four stories in the ranking: the clinician who watched the student work and would go
        // to bat for them; the famous PI who barely knows them; the professor from long ago; the supervisor rated
        // only on willingness, whose other factors come from the relationship's prior.
        String rivera = mentor(mentorApi, token, "Dr. Ana Rivera", "Associate Professor of Medicine", "Internal Medicine",
                "Massachusetts General Hospital", "CLINICIAN_SHADOWED", "CURRENT_NETWORK", "ana.rivera@mgh.example.org",
                ratings(5, 3, 4, 4, 5));
        String okafor = mentor(mentorApi, token, "Dr. Samuel Okafor", "Principal Investigator", "Cardiology Research",
                "Broad Institute", "RESEARCH_PI", "CURRENT_NETWORK", "sokafor@broad.example.org",
                ratings(2, 5, 3, 3, 3));
        String chen = mentor(mentorApi, token, "Prof. Lin Chen", "Course Director, Biochemistry", "Biochemistry",
                "State University", "FACULTY", "ALUMNI", null, ratings(3, 4, 4, 3, 4));
        String patel = mentor(mentorApi, token, "Dr. Priya Patel", "Attending Physician", "Emergency Medicine",
                "City Free Clinic", "VOLUNTEER_SUPERVISOR", "NETWORKING_EVENT", null,
                JSON.createObjectNode().put("willingToSupport", 5));

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
        // An ERAS programme three weeks out with one letter on its way: a coverage gap.
        ObjectNode target = JSON.createObjectNode().put("name", "MGH Internal Medicine").put("system", "ERAS")
                .put("deadline", now.plus(21, ChronoUnit.DAYS).toString());
        send(HttpRequest.newBuilder(URI.create(requestApi + "/api/v1/targets"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(target))), 200);

        // A classmate asks Dr. Rivera too (same email): the advising office sees one writer with two letters.
        String classmate = token(mentorApi, TENANT, CLASSMATE, "STUDENT");
        String classmatesRivera = mentor(mentorApi, classmate, "Ana Rivera, MD", null, "Internal Medicine",
                "Massachusetts General Hospital", "FACULTY", "CURRENT_NETWORK", "Ana.Rivera@mgh.example.org",
                ratings(4, 3, 4, 4, 4));
        letter(requestApi, classmate, classmatesRivera, "RESIDENCY", List.of("MGH Internal Medicine"),
                now.plus(9, ChronoUnit.DAYS), List.of("CV", "PERSONAL_STATEMENT"), false);

        return "\nDemo student seeded: tenant '" + TENANT + "', student '" + STUDENT + "', 4 rated mentors, 4 contacts, "
                + "3 letters, 1 ERAS target with a coverage gap; a classmate '" + CLASSMATE + "' asked Dr. Rivera too.\n"
                + "Reminders appear within a scheduler tick:\n"
                + "  TOKEN=$(curl -s '" + mentorApi + "/dev/token?tenant=" + TENANT + "&sub=" + STUDENT + "&roles=STUDENT')\n"
                + "  curl -s -H \"Authorization: Bearer $TOKEN\" " + reminderApi + "/api/v1/reminders\n"
                + "  curl -s -H \"Authorization: Bearer $TOKEN\" '" + reminderApi + "/api/v1/reminders?upcoming=true'\n"
                + "  curl -s -H \"Authorization: Bearer $TOKEN\" " + mentorApi + "/api/v1/mentors/ranking\n"
                + "  curl -s -H \"Authorization: Bearer $TOKEN\" " + requestApi + "/api/v1/coverage\n"
                + "The advising office:\n"
                + "  ADVISOR=$(curl -s '" + mentorApi + "/dev/token?tenant=" + TENANT + "&sub=advisor-1&roles=ADVISOR')\n"
                + "  curl -s -H \"Authorization: Bearer $ADVISOR\" " + mentorApi + "/api/v1/advisor/writers\n"
                + "  curl -s -H \"Authorization: Bearer $ADVISOR\" -H 'Accept: text/csv' " + reminderApi + "/api/v1/advisor/at-risk\n"
                + "  curl -s -H \"Authorization: Bearer $ADVISOR\" '" + requestApi + "/api/v1/letters/writers?studentId=" + STUDENT + "'\n";
    }

    static String token(String api, String tenant, String subject, String roles) {
        return send(HttpRequest.newBuilder(URI.create(api + "/dev/token?tenant=" + encode(tenant) + "&sub=" + encode(subject)
                + "&roles=" + encode(roles))).GET(), 200).trim();
    }

    private static ObjectNode ratings(int firstHandKnowledge, int standing, int articulatesPotential, int relatableVoice,
                                      int willingToSupport) {
        return JSON.createObjectNode().put("firstHandKnowledge", firstHandKnowledge).put("standing", standing)
                .put("articulatesPotential", articulatesPotential).put("relatableVoice", relatableVoice)
                .put("willingToSupport", willingToSupport);
    }

    private static String mentor(String api, String token, String name, String title, String specialty,
                                 String organization, String relationship, String source, String email,
                                 ObjectNode ratings) {
        ObjectNode body = JSON.createObjectNode()
                .put("name", name).put("title", title).put("specialty", specialty).put("organization", organization)
                .put("relationship", relationship).put("source", source);
        if (email != null) {
            body.put("email", email);
        }
        body.set("ratings", ratings);
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
