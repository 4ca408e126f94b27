namespace MakerShop.Core;

/// <summary>
/// A set of printer indices with O(1) removal (the last member takes the removed one's place). Members are not kept in
/// order, so callers break ties by index themselves, which keeps the outcome independent of removal order.
/// </summary>
internal sealed class FreePrinterSet
{
    private int[] _members = new int[4];

    // Position of each printer index in _members, or -1; printer indices are dense (0..fleet size).
    private int[] _positions = [];

    public int Count { get; private set; }

    public int this[int position] => _members[position];

    public bool Contains(int printer) => printer < _positions.Length && _positions[printer] >= 0;

    public void Add(int printer)
    {
        if (Count == _members.Length)
        {
            Array.Resize(ref _members, Count * 2);
        }

        if (printer >= _positions.Length)
        {
            var grown = new int[Math.Max(printer + 1, _positions.Length * 2)];
            Array.Fill(grown, -1);
            _positions.CopyTo(grown, 0);
            _positions = grown;
        }

        _positions[printer] = Count;
        _members[Count++] = printer;
    }

    public void Remove(int printer)
    {
        if (!Contains(printer))
        {
            return;
        }

        var position = _positions[printer];
        _positions[printer] = -1;
        var last = _members[--Count];
        if (position != Count)
        {
            _members[position] = last;
            _positions[last] = position;
        }
    }
}
