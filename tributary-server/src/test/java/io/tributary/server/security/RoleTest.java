package io.tributary.server.security;

import static io.tributary.server.security.Permission.ADMINISTER;
import static io.tributary.server.security.Permission.OPERATE;
import static io.tributary.server.security.Permission.READ;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RoleTest {
  @Test
  void grantsEachRoleExactlyItsPermissions() {
    assertThat(allowed(Role.VIEWER)).containsExactly(READ);
    assertThat(allowed(Role.OPERATOR)).containsExactly(READ, OPERATE);
    assertThat(allowed(Role.ADMIN)).containsExactly(READ, OPERATE, ADMINISTER);
  }

  @Test
  void parsesTheLowercaseNames() {
    assertThat(Role.parse("admin")).isEqualTo(Role.ADMIN);
    assertThat(Role.parse("operator")).isEqualTo(Role.OPERATOR);
    assertThat(Role.parse("viewer")).isEqualTo(Role.VIEWER);
    assertThat(Role.VIEWER.jsonName()).isEqualTo("viewer");
  }

  @Test
  void rejectsOtherNamesListingTheValidOnes() {
    assertThatThrownBy(() -> Role.parse("ADMIN"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown role 'ADMIN'; valid roles are admin, operator, viewer");
    assertThatThrownBy(() -> Role.parse("root")).hasMessageContaining("admin, operator, viewer");
  }

  @Test
  void readsAndWritesLowercaseNamesInJson() throws Exception {
    ObjectMapper json = new ObjectMapper();

    assertThat(json.writeValueAsString(Role.OPERATOR)).isEqualTo("\"operator\"");
    assertThat(json.readValue("\"viewer\"", Role.class)).isEqualTo(Role.VIEWER);
    assertThatThrownBy(() -> json.readValue("\"root\"", Role.class))
        .isInstanceOf(ValueInstantiationException.class)
        .hasMessageContaining("valid roles are admin, operator, viewer");
  }

  private static Set<Permission> allowed(Role role) {
    return Arrays.stream(Permission.values())
        .filter(role::allows)
        .collect(Collectors.toCollection(() -> EnumSet.noneOf(Permission.class)));
  }
}
