namespace MakerShop.Bench.Fuzz;

/// <summary>One parser under fuzzing: its seeds, how to run one input, and which exception is its documented refusal.</summary>
internal interface IFuzzTarget
{
    string Name { get; }

    IReadOnlyList<byte[]> Seeds(string corpusDirectory);

    /// <summary>Runs the parser on one input; returns normally or throws.</summary>
    void Run(byte[] input);

    /// <summary>The refusal the parser documents (not a crash).</summary>
    bool IsRefusal(Exception exception);

    /// <summary>A structure-aware mutation (or null to use the byte mutator only).</summary>
    byte[]? MutateStructure(byte[] input, Random random) => null;
}
