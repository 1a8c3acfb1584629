package dev.vouch.local.deploy;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** deploy/keycloak/vouch-realm.json gives tokens the claims the services require: sub, tenant, roles. */
class KeycloakRealmTest {

    private final JsonNode realm = DeployFiles.json(DeployFiles.repoRoot().resolve("deploy/keycloak/vouch-realm.json"));

    @Test
    void definesTheFourVouchRoles() {
        assertThat(realm.path("realm").asString()).isEqualTo("vouch");
        assertThat(realm.path("roles").path("realm").values().stream().map(role -> role.path("name").asString()))
                .contains("STUDENT", "ADVISOR", "INTEGRATION", "OPERATOR");
    }

    @Test
    void everyClientThatIssuesTokensMapsTenantAndRolesAsFlatClaims() {
        assertThat(clients()).extracting(client -> client.path("clientId").asString()).contains("vouch-api", "vouch-cli");
        assertThat(clients()).allSatisfy(client -> {
            String id = client.path("clientId").asString();
            JsonNode tenant = mapper(client, "oidc-usermodel-attribute-mapper");
            assertThat(tenant.path("config").path("user.attribute").asString()).as("tenant mapper of %s", id).isEqualTo("tenant");
            assertThat(tenant.path("config").path("claim.name").asString()).isEqualTo("tenant");
            assertThat(tenant.path("config").path("access.token.claim").asString()).isEqualTo("true");
            JsonNode roles = mapper(client, "oidc-usermodel-realm-role-mapper");
            assertThat(roles.path("config").path("claim.name").asString()).as("roles mapper of %s", id).isEqualTo("roles");
            assertThat(roles.path("config").path("multivalued").asString()).isEqualTo("true");
            assertThat(roles.path("config").path("access.token.claim").asString()).isEqualTo("true");
        });
    }

    @Test
    void developersHaveAPublicClientForPasswordAndDeviceLogin() {
        JsonNode cli = clients().stream().filter(client -> client.path("clientId").asString().equals("vouch-cli")).findFirst().orElseThrow();
        assertThat(cli.path("publicClient").asBoolean()).isTrue();
        assertThat(cli.path("directAccessGrantsEnabled").asBoolean()).isTrue();
        assertThat(cli.path("attributes").path("oauth2.device.authorization.grant.enabled").asString()).isEqualTo("true");
    }

    @Test
    void demoUsersCarryATenantAndARole() {
        List<JsonNode> people = realm.path("users").values().stream().filter(user -> !user.has("serviceAccountClientId")).toList();
        assertThat(people).extracting(user -> user.path("realmRoles").path(0).asString()).contains("STUDENT", "ADVISOR");
        assertThat(people).allSatisfy(user -> {
            assertThat(user.path("attributes").path("tenant").path(0).asString()).as("tenant of %s", user.path("username")).isNotBlank();
            assertThat(user.path("email").asString()).isNotBlank();
            assertThat(user.path("firstName").asString()).isNotBlank();
            assertThat(user.path("lastName").asString()).isNotBlank();
        });
        assertThat(people).filteredOn(user -> user.path("attributes").path("tenant").path(0).asString().equals("demo-school"))
                .hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void theUserProfileDeclaresTenantEditableByAdministratorsOnly() {
        JsonNode provider = realm.path("components").path("org.keycloak.userprofile.UserProfileProvider").path(0);
        assertThat(provider.path("providerId").asString()).isEqualTo("declarative-user-profile");
        JsonNode profile = DeployFiles.jsonText(provider.path("config").path("kc.user.profile.config").path(0).asString());
        JsonNode tenant = profile.path("attributes").values().stream()
                .filter(attribute -> attribute.path("name").asString().equals("tenant")).findFirst().orElseThrow();
        assertThat(tenant.path("permissions").path("edit").values()).extracting(JsonNode::asString).containsExactly("admin");
        assertThat(profile.path("attributes").values()).extracting(attribute -> attribute.path("name").asString())
                .contains("username", "email", "firstName", "lastName");
    }

    @Test
    void onlyDemoSecretsAndNoKeys() {
        assertThat(DeployFiles.text(DeployFiles.repoRoot().resolve("deploy/keycloak/vouch-realm.json")))
                .doesNotContain("PRIVATE KEY").doesNotContain("privateKey");
        clients().forEach(client -> assertThat(client.path("secret").asString("demo")).contains("demo"));
        realm.path("users").values().forEach(user -> user.path("credentials").values().forEach(credential ->
                assertThat(credential.path("value").asString()).isIn(Set.of("student", "advisor", "operator"))));
    }

    private List<JsonNode> clients() {
        return realm.path("clients").values().stream().toList();
    }

    private static JsonNode mapper(JsonNode client, String type) {
        return client.path("protocolMappers").values().stream()
                .filter(mapper -> mapper.path("protocolMapper").asString().equals(type))
                .findFirst()
                .orElseThrow(() -> new AssertionError(client.path("clientId").asString() + " has no " + type));
    }
}
