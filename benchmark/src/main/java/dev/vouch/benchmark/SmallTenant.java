package dev.vouch.benchmark;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** A small school: one student with five mentors and three letters, and their advisor. */
final class SmallTenant {

    static final String TENANT = "small-school";
    static final String STUDENT = "small-student";
    private static final int REQUESTS = 300;

    private final String studentToken;
    private final String advisorToken;

    private SmallTenant(String studentToken, String advisorToken) {
        this.studentToken = studentToken;
        this.advisorToken = advisorToken;
    }

    static SmallTenant create(LocalStackProcess stack) {
        String mentorApi = stack.api("mentor-service");
        String student = Api.token(mentorApi, TENANT, STUDENT, "STUDENT");
        String advisor = Api.token(mentorApi, TENANT, "small-advisor", "ADVISOR");
        String mentor = null;
        for (int m = 0; m < 5; m++) {
            mentor = Api.createMentor(mentorApi, student, "Dr. Small " + m);
        }
        String requestApi = stack.api("request-service");
        int created = 0;
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (created < 3 && System.nanoTime() < deadline) {
            // The first may wait for the mentor to reach request-service's directory.
            if (Api.post(requestApi + "/api/v1/letters", student, Api.letterBody(mentor,
                    Instant.now().plus(Duration.ofDays(3 + created * 10)))).statusCode() == 201) {
                created++;
            }
        }
        return new SmallTenant(student, advisor);
    }

    /** p50/p99 of the student's mentor list and the advisor's views, {@value #REQUESTS} calls each from 4 clients. */
    Map<String, Samples> views(LocalStackProcess stack) {
        Map<String, String[]> views = new LinkedHashMap<>();
        views.put("GET /mentors (student)", new String[] {stack.api("mentor-service") + "/api/v1/mentors", studentToken});
        views.put("GET /letters?studentId (advisor)", new String[] {stack.api("request-service")
                + "/api/v1/letters?studentId=" + STUDENT, advisorToken});
        views.put("GET /advisor/at-risk (advisor)", new String[] {stack.api("reminder-service") + "/api/v1/advisor/at-risk",
                advisorToken});
        Map<String, Samples> samples = new LinkedHashMap<>();
        views.forEach((name, call) -> {
            Api.get(call[0], call[1]); // warm
            samples.put(name, Api.repeat(4, REQUESTS, 200, (w, i) -> Api.get(call[0], call[1]).statusCode()));
        });
        return samples;
    }
}
