package dev.apwire.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The quickstart of {@code client/README.md}, compiled and run against the example server on loopback. The
 * only changes made to the block: the address gets the server's random port, and the data package cache goes
 * to a temporary directory instead of the user's.
 */
@Timeout(30)
class QuickstartTest {

    @TempDir
    Path dir;

    static String quickstart() throws Exception {
        Path readme = Path.of("..", "client", "README.md");
        String text = Files.readString(readme, StandardCharsets.UTF_8);
        int start = text.indexOf("<!-- quickstart -->");
        int end = text.indexOf("<!-- /quickstart -->");
        assertThat(start).as("the README marks its quickstart").isNotNegative();
        String block = text.substring(start, end);
        return block.substring(block.indexOf("```java") + "```java".length(), block.lastIndexOf("```")).strip();
    }

    @Test
    void theReadmeQuickstartHasAtMostFifteenLinesCompilesAndRuns() throws Exception {
        String code = quickstart();
        assertThat(code.lines().count()).isLessThanOrEqualTo(15);
        assertThat(code).contains("\"localhost:38281\"", ".build()");

        try (ExampleServer server = ExampleServer.start("127.0.0.1", 0, DemoWorld.load())) {
            String body = code.replace("\"localhost:38281\"", "\"localhost:" + server.port() + "\"")
                    .replace(".build()", ".cacheDirectory(java.nio.file.Path.of(\"" + dir.toString().replace("\\", "\\\\") + "\")).build()");
            String source = "import dev.apwire.client.*;\n"
                    + "public class Quickstart {\n    public static void main(String[] args) {\n" + body + "\n    }\n}\n";
            Path src = Files.createDirectories(dir.resolve("src")).resolve("Quickstart.java");
            Files.writeString(src, source);
            Path classes = Files.createDirectories(dir.resolve("classes"));
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
            int rc = javac.run(null, diagnostics, diagnostics, "--release", "17", "-Xlint:all", "-Werror",
                    "-cp", System.getProperty("java.class.path"), "-d", classes.toString(), src.toString());
            assertThat(rc).as("javac: " + diagnostics.toString(StandardCharsets.UTF_8)).isZero();

            PrintStream saved = System.out;
            ByteArrayOutputStream printed = new ByteArrayOutputStream();
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
                Method main = loader.loadClass("Quickstart").getMethod("main", String[].class);
                main.invoke(null, (Object) new String[0]);
            } finally {
                System.setOut(saved);
            }
            List<String> lines = printed.toString(StandardCharsets.UTF_8).lines().toList();
            assertThat(lines).containsExactlyInAnyOrder("Got Red Pebble from the server", "deaths: 1", "read back: 1");
            assertThat(lines.indexOf("deaths: 1")).isLessThan(lines.indexOf("read back: 1"));
        }
    }
}
