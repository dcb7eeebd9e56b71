package cn.anshan.oversight.testkit;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreeScanner;
import com.sun.source.util.Trees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Issue 14 item 1: a command reads straight down, so no lambda sits inside more than one other
 * lambda. Checked on the source (the JDK's own parser; compiled lambdas no longer show their
 * nesting): a third level is a step to name as a method of its own.
 */
public final class LambdaNesting {
  /** A lambda may hold one more lambda, never two levels more. */
  public static final int MAX_DEPTH = 2;

  private LambdaNesting() {}

  /** Fails naming every lambda under {@code sources} nested deeper than {@link #MAX_DEPTH}. */
  public static void check(Path sources) {
    List<String> deep = deeperThan(MAX_DEPTH, sources);
    if (!deep.isEmpty()) {
      throw new AssertionError(
          "lambdas nested deeper than "
              + MAX_DEPTH
              + " (name the inner step as a method):\n"
              + String.join("\n", deep));
    }
  }

  /**
   * Each lambda under {@code sources} nested deeper than {@code max}: file, line, method, depth.
   */
  static List<String> deeperThan(int max, Path sources) {
    List<Path> files = javaFiles(sources);
    if (files.isEmpty()) {
      throw new IllegalStateException("no Java sources under " + sources + ": nothing checked");
    }
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    try (StandardJavaFileManager fm = compiler.getStandardFileManager(null, null, null)) {
      JavacTask task =
          (JavacTask)
              compiler.getTask(
                  null,
                  fm,
                  null,
                  List.of("-proc:none"),
                  null,
                  fm.getJavaFileObjectsFromPaths(files));
      SourcePositions positions = Trees.instance(task).getSourcePositions();
      List<String> deep = new ArrayList<>();
      for (CompilationUnitTree unit : task.parse()) {
        new DepthScanner(unit, positions, max, deep).scan(unit, 0);
      }
      return deep;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Path> javaFiles(Path sources) {
    try (Stream<Path> walk = Files.walk(sources)) {
      return walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final class DepthScanner extends TreeScanner<Void, Integer> {
    private final CompilationUnitTree unit;
    private final SourcePositions positions;
    private final int max;
    private final List<String> deep;
    private String method = "<init>";

    DepthScanner(CompilationUnitTree unit, SourcePositions positions, int max, List<String> deep) {
      this.unit = unit;
      this.positions = positions;
      this.max = max;
      this.deep = deep;
    }

    @Override
    public Void visitMethod(MethodTree tree, Integer depth) {
      String enclosing = method;
      method = tree.getName().toString();
      // a method of an anonymous class inside a lambda is read at the lambda's depth
      super.visitMethod(tree, depth);
      method = enclosing;
      return null;
    }

    @Override
    public Void visitLambdaExpression(LambdaExpressionTree tree, Integer depth) {
      int nested = depth + 1;
      if (nested > max) {
        long line = unit.getLineMap().getLineNumber(positions.getStartPosition(unit, tree));
        deep.add(
            Path.of(unit.getSourceFile().toUri()).getFileName()
                + ":"
                + line
                + " in "
                + method
                + ": depth "
                + nested);
      }
      return super.visitLambdaExpression(tree, nested);
    }
  }
}
