namespace MakerShop.Core;

/// <summary>
/// A set of printer indices with O(1) removal (the last member takes the removed one's place). Members are not kept in
/// order, so callers break ties by index themselves, which keeps the outcome independent of removal order.
/// </summary>
internal sealed class FreePrinterSet
{
    private int[] _members = new int[4];
    private readonly Dictionary<int, int> _positions = [];

    public int Count { get; private set; }

    public int this[int position] => _members[position];

    public bool Contains(int printer) => _positions.ContainsKey(printer);

    public void Add(int printer)
    {
        if (Count == _members.Length)
        {
            Array.Resize(ref _members, Count * 2);
        }

        _positions[printer] = Count;
        _members[Count++] = printer;
    }

    public void Remove(int printer)
    {
        if (!_positions.Remove(printer, out var position))
        {
            return;
        }

        var last = _members[--Count];
        if (position != Count)
        {
            _members[position] = last;
            _positions[last] = position;
        }
    }
}
