using System.Numerics;
using MakerShop.Geometry.Meshes;

namespace MakerShop.Geometry.Stl;

/// <summary>
/// ASCII STL: one or more <c>solid … endsolid</c> blocks of <c>facet normal / outer loop / 3× vertex / endloop /
/// endfacet</c>. Keywords are matched case-insensitively and names are ignored, as exporters disagree about both.
/// </summary>
public static class AsciiStlReader
{
    public static long Read(Stream stream, ITriangleSink sink)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(sink);
        var words = new AsciiTokenizer(stream);
        long triangles = 0;
        var solids = 0;
        var insideSolid = false;
        while (true)
        {
            var token = words.Next();
            if (token.IsEmpty)
            {
                break;
            }

            if (AsciiTokenizer.Is(token, "solid"))
            {
                if (insideSolid)
                {
                    throw new ModelFormatException(ModelProblem.Syntax, $"Line {words.Line}: a new 'solid' starts before the previous one ended.");
                }

                insideSolid = true;
                solids++;
                words.SkipLine();
            }
            else if (AsciiTokenizer.Is(token, "endsolid"))
            {
                insideSolid = false;
                words.SkipLine();
            }
            else if (AsciiTokenizer.Is(token, "facet") && insideSolid)
            {
                ReadFacet(words, sink);
                triangles++;
            }
            else
            {
                throw new ModelFormatException(ModelProblem.Syntax,
                    $"Line {words.Line}: expected 'facet' or 'endsolid' but found '{AsciiTokenizer.Describe(token)}'.");
            }
        }

        if (solids == 0)
        {
            throw new ModelFormatException(ModelProblem.Syntax, "The file does not start with 'solid'; it is not an ASCII STL.");
        }

        if (insideSolid && triangles == 0)
        {
            throw new ModelFormatException(ModelProblem.Truncated, "The ASCII STL ends before its first facet.");
        }

        if (triangles == 0)
        {
            throw new ModelFormatException(ModelProblem.Empty, "The STL file contains no triangles.");
        }

        // A missing final 'endsolid' is tolerated: every facet before it was complete, and many exporters forget it.
        return triangles;
    }

    private static void ReadFacet(AsciiTokenizer words, ITriangleSink sink)
    {
        words.Expect("normal");
        // The stored normal only feeds a note (the slicer recomputes it from the winding), so a garbage one is no reason
        // to refuse the file: it reads as no normal.
        var normal = new Vector3(words.ReadLenientFloat("the facet's normal"), words.ReadLenientFloat("the facet's normal"), words.ReadLenientFloat("the facet's normal"));
        words.Expect("outer");
        words.Expect("loop");
        var a = ReadVertex(words);
        var b = ReadVertex(words);
        var c = ReadVertex(words);
        var next = words.Next();
        if (AsciiTokenizer.Is(next, "vertex"))
        {
            throw new ModelFormatException(ModelProblem.Syntax, $"Line {words.Line}: a facet with more than three vertices; STL facets are triangles.");
        }

        if (!AsciiTokenizer.Is(next, "endloop"))
        {
            throw next.IsEmpty
                ? new ModelFormatException(ModelProblem.Truncated, $"Line {words.Line}: the file ends inside a facet.")
                : new ModelFormatException(ModelProblem.Syntax, $"Line {words.Line}: expected 'endloop' but found '{AsciiTokenizer.Describe(next)}'.");
        }

        // Some exporters write words after endloop/endfacet (MeshLab's "endfacet blah"); like PrusaSlicer, ignore them.
        words.SkipLine();
        words.Expect("endfacet");
        words.SkipLine();
        sink.AddFacet(normal, a, b, c);
    }

    private static Vector3 ReadVertex(AsciiTokenizer words)
    {
        words.Expect("vertex");
        return new Vector3(words.ReadFloat("a vertex's x"), words.ReadFloat("a vertex's y"), words.ReadFloat("a vertex's z"));
    }
}
