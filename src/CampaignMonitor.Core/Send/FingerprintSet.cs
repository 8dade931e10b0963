namespace CampaignMonitor.Core.Send;

/// <summary>
/// The addresses a send has seen, as 64-bit fingerprints in one open-addressed array: 8 bytes a slot, at most
/// three quarters full. A million addresses take 16 MB (a HashSet of the same numbers needs ~22 MB, and ~35 MB while it
/// grows), so the memory of a send stays nearly flat however long its input.
/// </summary>
internal sealed class FingerprintSet
{
    // 0 marks an empty slot; the fingerprint 0 itself is kept aside.
    private ulong[] _slots = new ulong[1024];
    private int _shift = 64 - 10;
    private int _used;
    private bool _hasZero;

    public int Count => _used + (_hasZero ? 1 : 0);

    /// <summary>Adds a fingerprint. False when it was there already.</summary>
    public bool Add(ulong fingerprint)
    {
        if (fingerprint == 0)
        {
            var added = !_hasZero;
            _hasZero = true;
            return added;
        }
        if ((_used + 1) * 4L > _slots.Length * 3L)
            Grow();
        if (!Insert(_slots, _shift, fingerprint))
            return false;
        _used++;
        return true;
    }

    public bool Contains(ulong fingerprint)
    {
        if (fingerprint == 0)
            return _hasZero;
        var mask = _slots.Length - 1;
        for (var i = Home(fingerprint, _shift); ; i = (i + 1) & mask)
        {
            if (_slots[i] == fingerprint)
                return true;
            if (_slots[i] == 0)
                return false;
        }
    }

    private static bool Insert(ulong[] slots, int shift, ulong fingerprint)
    {
        var mask = slots.Length - 1;
        for (var i = Home(fingerprint, shift); ; i = (i + 1) & mask)
        {
            if (slots[i] == 0)
            {
                slots[i] = fingerprint;
                return true;
            }
            if (slots[i] == fingerprint)
                return false;
        }
    }

    // Fibonacci hashing: the top bits of the product spread even similar fingerprints over the table.
    private static int Home(ulong fingerprint, int shift) => (int)((fingerprint * 0x9E3779B97F4A7C15UL) >> shift);

    private void Grow()
    {
        var larger = new ulong[_slots.Length * 2];
        var shift = _shift - 1;
        foreach (var fingerprint in _slots)
        {
            if (fingerprint != 0)
                Insert(larger, shift, fingerprint);
        }
        _slots = larger;
        _shift = shift;
    }
}
