package io.arabicnews.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SparkSessionsTest {
  @Test
  void localCoresFollowTheMasterString() {
    assertThat(SparkSessions.localCores("local")).isEqualTo(1);
    assertThat(SparkSessions.localCores("local[3]")).isEqualTo(3);
    assertThat(SparkSessions.localCores("local[4,2]")).isEqualTo(4);
    assertThat(SparkSessions.localCores("local[*]")).isEqualTo(Runtime.getRuntime().availableProcessors());
    assertThat(SparkSessions.localCores("spark://host:7077")).isEqualTo(1);
  }
}
