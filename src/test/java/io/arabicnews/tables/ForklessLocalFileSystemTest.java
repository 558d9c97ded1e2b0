package io.arabicnews.tables;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Comparator;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ForklessLocalFileSystemTest {
  @TempDir java.nio.file.Path dir;

  private static FileSystem open(FileSystem fs) throws Exception {
    fs.initialize(java.net.URI.create("file:///"), new Configuration());
    return fs;
  }

  @Test
  void permissionsSetAndReadAsHadoopsOwnFileSystemDoes() throws Exception {
    FileSystem forkless = open(new ForklessLocalFileSystem());
    FileSystem hadoops = open(new LocalFileSystem());
    Path folder = new Path(dir.toUri().toString(), "table");
    Path file = new Path(folder, "part-0.parquet");
    assertThat(forkless.mkdirs(folder, new FsPermission((short) 0750))).isTrue();
    try (FSDataOutputStream out = forkless.create(file, new FsPermission((short) 0640), false, 4096, (short) 1,
        1 << 20, null)) {
      out.writeUTF("rows");
    }
    forkless.setPermission(file, new FsPermission((short) 0604));

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(java.nio.file.Path.of(file.toUri()))))
        .isEqualTo("rw----r--");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(java.nio.file.Path.of(folder.toUri()))))
        .isEqualTo("rwxr-x---");
    // Hadoop's own statuses (read with `ls -ld`) and ours (one stat call) say the same, listed or asked for.
    for (Path p : new Path[] {folder, file}) {
      assertSameStatus(forkless.getFileStatus(p), hadoops.getFileStatus(p));
    }
    FileStatus[] ours = sorted(((LocalFileSystem) forkless).getRawFileSystem().listStatus(folder));
    FileStatus[] theirs = sorted(((LocalFileSystem) hadoops).getRawFileSystem().listStatus(folder));
    assertThat(ours).hasSameSizeAs(theirs).hasSize(2); // the file and its checksum
    for (int i = 0; i < ours.length; i++) {
      assertSameStatus(ours[i], theirs[i]);
    }
    assertSameStatus(forkless.listStatus(folder)[0], hadoops.listStatus(folder)[0]);
    assertThat(forkless.listFiles(folder, true).next().getPermission().toShort()).isEqualTo((short) 0604);
  }

  private static FileStatus[] sorted(FileStatus[] statuses) {
    return Arrays.stream(statuses).sorted(Comparator.comparing(FileStatus::getPath)).toArray(FileStatus[]::new);
  }

  private static void assertSameStatus(FileStatus ours, FileStatus theirs) {
    assertThat(ours.getPath()).isEqualTo(theirs.getPath());
    assertThat(ours.getPermission()).isEqualTo(theirs.getPermission());
    assertThat(ours.getOwner()).isEqualTo(theirs.getOwner());
    assertThat(ours.getGroup()).isEqualTo(theirs.getGroup());
    assertThat(ours.getLen()).isEqualTo(theirs.getLen());
    assertThat(ours.isDirectory()).isEqualTo(theirs.isDirectory());
    assertThat(ours.getModificationTime()).isEqualTo(theirs.getModificationTime());
  }
}
