package io.arabicnews.tables;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.io.nativeio.NativeIO;

/**
 * Hadoop's local file system ({@code file://}), setting and reading permissions through java.nio
 * instead of a process per file. Without Hadoop's native library (not shipped in Maven jars, and
 * not installed here) {@link RawLocalFileSystem} runs {@code chmod} for every file and folder it
 * creates and {@code ls -ld} for every file status whose permission is read (every listed file):
 * an append onto the 1x archive started 990 such processes, most of them one after the other on
 * the driver's thread. With the native library present, Hadoop's own calls are used.
 *
 * <p>Registered as {@code fs.file.impl} by {@code SparkSessions} for the sessions this project
 * creates (see docs/deployment.md); a cluster's {@code hdfs://}, {@code s3a://} paths are not
 * concerned.
 */
public class ForklessLocalFileSystem extends LocalFileSystem {
  public ForklessLocalFileSystem() {
    super(new Raw());
  }

  /** The raw (checksum-less) file system underneath. */
  public static class Raw extends RawLocalFileSystem {
    @Override
    public void setPermission(Path p, FsPermission permission) throws IOException {
      if (NativeIO.isAvailable()) {
        super.setPermission(p, permission);
        return;
      }
      try {
        Files.setPosixFilePermissions(pathToFile(p).toPath(), posix(permission));
      } catch (UnsupportedOperationException notPosix) {
        super.setPermission(p, permission);
      }
    }

    @Override
    public FileStatus getFileStatus(Path f) throws IOException {
      return withPermissions(super.getFileStatus(f));
    }

    @Override
    public FileStatus[] listStatus(Path f) throws IOException {
      FileStatus[] statuses = super.listStatus(f);
      if (statuses != null) {
        for (int i = 0; i < statuses.length; i++) {
          statuses[i] = withPermissions(statuses[i]);
        }
      }
      return statuses;
    }

    /**
     * The status with its permission, owner and group read now by one {@code stat} call (Hadoop's
     * own status reads them lazily, by running {@code ls -ld}, the first time one is asked for).
     */
    private FileStatus withPermissions(FileStatus s) throws IOException {
      if (NativeIO.isAvailable() || s == null) {
        return s;
      }
      File file = pathToFile(s.getPath());
      PosixFileAttributes a;
      try {
        a = Files.readAttributes(file.toPath(), PosixFileAttributes.class);
      } catch (UnsupportedOperationException notPosix) {
        return s;
      } catch (IOException gone) {
        return s; // deleted since it was listed, or unreadable: Hadoop's status says what it can
      }
      return new FileStatus(s.getLen(), s.isDirectory(), s.getReplication(), s.getBlockSize(),
          s.getModificationTime(), s.getAccessTime(), fsPermission(a.permissions()), a.owner().getName(),
          a.group().getName(), s.getPath());
    }
  }

  /** Permission bits from 0400 (owner read) down to 0001 (others execute), in PosixFilePermission's order. */
  static Set<PosixFilePermission> posix(FsPermission permission) {
    int mode = permission.toShort() & 0777;
    Set<PosixFilePermission> out = EnumSet.noneOf(PosixFilePermission.class);
    for (PosixFilePermission p : PosixFilePermission.values()) {
      if ((mode & (0400 >> p.ordinal())) != 0) {
        out.add(p);
      }
    }
    return out;
  }

  static FsPermission fsPermission(Set<PosixFilePermission> permissions) {
    int mode = 0;
    for (PosixFilePermission p : permissions) {
      mode |= 0400 >> p.ordinal();
    }
    return new FsPermission((short) mode);
  }
}
