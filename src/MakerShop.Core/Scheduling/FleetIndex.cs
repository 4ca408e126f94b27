namespace MakerShop.Core;

/// <summary>
/// The printers one pass may use, indexed so that a job finds its candidates without scanning the fleet: ready
/// printers of active makers, sorted by id (the index is the tie-break), bucketed by loaded filament, with makers,
/// countries and filaments turned into small integers once.
/// </summary>
internal sealed class FleetIndex
{
    private readonly Dictionary<(string Material, string Colour), int> _filaments = new(FilamentComparer.Instance);
    private readonly List<MaterialRequirements> _requirements = [];
    private readonly List<FreePrinterSet> _buckets = [];
    private readonly List<int> _loadedInFleet = [];
    private readonly List<List<int>> _loadedCountries = [];
    private readonly List<int> _workingInCountry = [];
    private readonly Dictionary<string, int> _territoryOfDestination = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _territories = new(StringComparer.Ordinal);
    private readonly List<int> _workingInTerritory = [];
    private readonly Dictionary<string, int> _countries = new(StringComparer.Ordinal);
    private readonly List<string> _countryCodes = [];
    private readonly Dictionary<string, int> _makerIndex = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _printerIndex = new(StringComparer.Ordinal);
    private readonly Dictionary<int, ShippingEstimate[]> _estimatesByDestination = [];
    private readonly Dictionary<int, ShippingProximity> _bestProximity = [];
    private readonly IShippingEstimates _shipping;
    private readonly int _printerCountryCount;

    public FleetIndex(SchedulingSnapshot snapshot)
    {
        _shipping = snapshot.Shipping;
        Makers = [.. snapshot.Makers.OrderBy(m => m.Id, StringComparer.Ordinal)];
        MakerPrinters = new int[Makers.Length];
        MakerBusy = new int[Makers.Length];
        for (var m = 0; m < Makers.Length; m++)
        {
            _makerIndex[Makers[m].Id] = m;
        }

        // Countries of working printers come first, so a destination's estimates are one small array indexed by them.
        var working = new List<Printer>(snapshot.Printers.Count);
        foreach (var printer in snapshot.Printers)
        {
            if (!printer.InService || MakerOf(printer) is not { } maker || !Makers[maker].Active)
            {
                continue;
            }

            working.Add(printer);
            MakerPrinters[maker]++;
            if (printer.CurrentJobId is not null)
            {
                MakerBusy[maker]++;
            }

            var country = InternCountry(printer.CountryCode);
            _workingInCountry[country]++;
            if (printer.IsOnline && printer.LoadedMaterial.Length > 0)
            {
                var filament = InternFilament(printer.LoadedMaterial, printer.LoadedColour);
                _loadedInFleet[filament]++;
                _loadedCountries[filament].Add(country);
            }
        }

        _printerCountryCount = _countryCodes.Count;
        for (var c = 0; c < _printerCountryCount; c++)
        {
            _workingInTerritory[TerritoryOf(_countryCodes[c])] += _workingInCountry[c];
        }

        var ready = working.Where(p => p.IsReady).OrderBy(p => p.Id, StringComparer.Ordinal).ToArray();
        Printers = ready;
        PrinterMaker = new int[ready.Length];
        PrinterCountry = new int[ready.Length];
        PrinterFilament = new int[ready.Length];
        for (var i = 0; i < ready.Length; i++)
        {
            var printer = ready[i];
            _printerIndex[printer.Id] = i;
            PrinterMaker[i] = MakerOf(printer)!.Value;
            PrinterCountry[i] = _countries[printer.CountryCode];
            PrinterFilament[i] = printer.LoadedMaterial.Length == 0 ? -1 : InternFilament(printer.LoadedMaterial, printer.LoadedColour);
            if (PrinterFilament[i] >= 0)
            {
                _buckets[PrinterFilament[i]].Add(i);
            }

            Free.Add(i);
        }
    }

    public Maker[] Makers { get; }

    /// <summary>In-service printers per maker: the denominator of a maker's load.</summary>
    public int[] MakerPrinters { get; }

    /// <summary>Printers per maker holding a job, counting the ones given one in this pass.</summary>
    public int[] MakerBusy { get; }

    /// <summary>Ready printers of active makers, sorted by id.</summary>
    public Printer[] Printers { get; }

    public int[] PrinterMaker { get; }

    public int[] PrinterCountry { get; }

    public int[] PrinterFilament { get; }

    /// <summary>Printers not yet given a job in this pass.</summary>
    public FreePrinterSet Free { get; } = new();

    public int FilamentOf(PrintJob job) => InternFilament(job.Material, job.Colour);

    public MaterialRequirements RequirementsOf(int filament) => _requirements[filament];

    /// <summary>Free printers with this filament loaded.</summary>
    public FreePrinterSet Bucket(int filament) => _buckets[filament];

    /// <summary>Online working printers, free or not, with this filament loaded: if none has it, a swap is unavoidable.</summary>
    public int LoadedInFleet(int filament) => _loadedInFleet[filament];

    public int FilamentCount => _requirements.Count;

    /// <summary>The customs territory a destination belongs to, as a small integer.</summary>
    public int TerritoryOf(string countryCode)
    {
        if (!_territoryOfDestination.TryGetValue(countryCode, out var index))
        {
            var code = CustomsTerritory.Of(countryCode).Code;
            if (!_territories.TryGetValue(code, out index))
            {
                index = _territories.Count;
                _territories[code] = index;
                _workingInTerritory.Add(0);
            }

            _territoryOfDestination[countryCode] = index;
        }

        return index;
    }

    /// <summary>Working printers (any status) inside a customs territory: the ones a parcel there needs no declaration from.</summary>
    public int WorkingInTerritory(int territory) => _workingInTerritory[territory];


    public int? PrinterIndexOf(string printerId) => _printerIndex.TryGetValue(printerId, out var i) ? i : null;

    public int? MakerIndexOf(string makerId) => _makerIndex.TryGetValue(makerId, out var m) ? m : null;

    /// <summary>
    /// The job's part fits, the printer is of the model its G-code was sliced for (if it names one), and the
    /// printer's enclosure and nozzle suit its material.
    /// </summary>
    public bool CanPrint(int printer, PrintJob job, MaterialRequirements requirements)
    {
        var p = Printers[printer];
        return job.PartSize.FitsWithin(p.BuildVolume)
            && (job.RequiredPrinterModel is not { } model || model.Describes(p.BuildVolume, p.NozzleDiameter))
            && (!requirements.NeedsEnclosure || p.Enclosed)
            && (!requirements.NeedsHardenedNozzle || p.HardenedNozzle);
    }

    public void Take(int printer)
    {
        Free.Remove(printer);
        if (PrinterFilament[printer] >= 0)
        {
            _buckets[PrinterFilament[printer]].Remove(printer);
        }

        MakerBusy[PrinterMaker[printer]]++;
    }

    /// <summary>Estimates from each printer country (by index) to the destination, computed once per destination.</summary>
    public ShippingEstimate[] EstimatesTo(string destinationCountry)
    {
        var destination = InternCountry(destinationCountry);
        if (!_estimatesByDestination.TryGetValue(destination, out var estimates))
        {
            estimates = new ShippingEstimate[_printerCountryCount];
            var best = ShippingProximity.CrossBorder;
            for (var c = 0; c < estimates.Length; c++)
            {
                estimates[c] = _shipping.Estimate(_countryCodes[c], destinationCountry);
                best = estimates[c].Proximity < best ? estimates[c].Proximity : best;
            }

            _estimatesByDestination[destination] = estimates;
            _bestProximity[destination] = best;
        }

        return estimates;
    }

    /// <summary>The nearest the fleet's working printers can get to the destination (after <see cref="EstimatesTo"/>).</summary>
    public ShippingProximity BestProximityTo(string destinationCountry) => _bestProximity[_countries[destinationCountry]];

    /// <summary>
    /// The nearest that working online printers with this filament loaded get to the destination (after
    /// <see cref="EstimatesTo"/>): what a job that may not swap can hope for by waiting. With none loaded, the fleet's best.
    /// </summary>
    public ShippingProximity BestProximityWithFilament(string destinationCountry, int filament)
    {
        var estimates = EstimatesTo(destinationCountry);
        var countries = _loadedCountries[filament];
        if (countries.Count == 0)
        {
            return BestProximityTo(destinationCountry);
        }

        var best = ShippingProximity.CrossBorder;
        foreach (var c in countries)
        {
            best = estimates[c].Proximity < best ? estimates[c].Proximity : best;
        }

        return best;
    }

    /// <summary>A country code of a working online printer with this filament nearest to the destination, if any.</summary>
    public string? NearestCountryWithFilament(string destinationCountry, int filament)
    {
        var estimates = EstimatesTo(destinationCountry);
        string? nearest = null;
        var best = ShippingProximity.CrossBorder;
        foreach (var c in _loadedCountries[filament])
        {
            if (nearest is null || estimates[c].Proximity < best)
            {
                nearest = _countryCodes[c];
                best = estimates[c].Proximity;
            }
        }

        return nearest;
    }

    private int? MakerOf(Printer printer) => _makerIndex.TryGetValue(printer.MakerId, out var m) ? m : null;

    private int InternCountry(string code)
    {
        if (!_countries.TryGetValue(code, out var index))
        {
            index = _countryCodes.Count;
            _countries[code] = index;
            _countryCodes.Add(code);
            _workingInCountry.Add(0);
        }

        return index;
    }

    private int InternFilament(string material, string colour)
    {
        if (!_filaments.TryGetValue((material, colour), out var index))
        {
            index = _requirements.Count;
            _filaments[(material, colour)] = index;
            _requirements.Add(MaterialRequirements.For(material));
            _buckets.Add(new FreePrinterSet());
            _loadedInFleet.Add(0);
            _loadedCountries.Add([]);
        }

        return index;
    }
}
