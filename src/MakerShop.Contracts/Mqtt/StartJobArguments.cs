namespace MakerShop.Contracts.Mqtt;

/// <summary>What a bridge needs to fetch and verify a job's G-code before it prints it.</summary>
public sealed record StartJobArguments(string JobId, Uri GcodeUrl, string Sha256, long SizeBytes)
{
    /// <summary>The job's material ("PLA"), for a printer that chooses among several spools (Bambu Lab's AMS); absent from older commands.</summary>
    public string? Material { get; init; }

    /// <summary>The job's colour word ("white"), with <see cref="Material"/>.</summary>
    public string? Colour { get; init; }
}
