package dev.apwire.protocol;

/**
 * The {@code items_handling} flags of {@code Connect} and {@code ConnectUpdate}: which items the
 * server sends the client.
 *
 * <p>Any integer is kept, as sent; {@link #isValid()} says whether the reference server accepts it
 * (it refuses 2, 4 and 6: own-world items and starting inventory need {@link #REMOTE}).
 *
 * @param value the flags as sent
 */
public record ItemsHandling(int value) {

    /** Flag: items from other worlds. */
    public static final int REMOTE = 0b001;
    /** Flag: items from the client's own world (needs {@link #REMOTE}). */
    public static final int OWN_WORLD = 0b010;
    /** Flag: the starting inventory (needs {@link #REMOTE}). */
    public static final int STARTING_INVENTORY = 0b100;

    /** No items, ever. */
    public static final ItemsHandling NONE = new ItemsHandling(0);
    /** Items from other worlds only. */
    public static final ItemsHandling REMOTE_ONLY = new ItemsHandling(REMOTE);
    /** Every item: other worlds, own world, starting inventory. */
    public static final ItemsHandling ALL = new ItemsHandling(REMOTE | OWN_WORLD | STARTING_INVENTORY);

    /** {@return whether the reference server accepts this value: bit 0 set, or no bits of 0b110 set} */
    public boolean isValid() {
        return (value & REMOTE) != 0 || (value & (OWN_WORLD | STARTING_INVENTORY)) == 0;
    }

    /** {@return whether items from other worlds are sent} */
    public boolean remote() {
        return (value & REMOTE) != 0;
    }

    /** {@return whether items from the client's own world are sent} */
    public boolean ownWorld() {
        return remote() && (value & OWN_WORLD) != 0;
    }

    /** {@return whether the starting inventory is sent} */
    public boolean startingInventory() {
        return remote() && (value & STARTING_INVENTORY) != 0;
    }

    /** {@return the value the reference server keeps: 0, 1, 3, 5 or 7} */
    public int normalized() {
        if (!remote()) {
            return 0;
        }
        return REMOTE | (value & (OWN_WORLD | STARTING_INVENTORY));
    }
}
