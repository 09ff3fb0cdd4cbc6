<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID">
<context>
    <name>hb</name>
    <message>
        <source>Circuit breaker of %1 opened</source>
        <translation>Pemutus sirkuit %1 terbuka</translation>
    </message>
    <message>
        <source>%1 is skipped until its breaker closes (%n failure(s)).</source>
        <translation>%1 dilewati sampai pemutusnya tertutup (%n kegagalan).</translation>
    </message>
    <message>
        <source>Heartbeat paused (emergency)</source>
        <translation>Heartbeat dijeda (darurat)</translation>
    </message>
    <message>
        <source>No task runs until resumed.</source>
        <translation>Tidak ada tugas yang berjalan sampai dilanjutkan.</translation>
    </message>
    <message>
        <source>The metrics store cannot be written</source>
        <translation>Penyimpanan metrik tidak dapat ditulis</translation>
    </message>
    <message>
        <source>Critical alert: %1</source>
        <translation>Peringatan kritis: %1</translation>
    </message>
    <message>
        <source>Circuit breaker of %1 closed</source>
        <translation>Pemutus sirkuit %1 tertutup</translation>
    </message>
    <message>
        <source>%1 runs again.</source>
        <translation>%1 berjalan lagi.</translation>
    </message>
    <message>
        <source>Heartbeat resumed</source>
        <translation>Heartbeat dilanjutkan</translation>
    </message>
    <message>
        <source>The emergency pause is over; tasks run again.</source>
        <translation>Jeda darurat sudah berakhir; tugas berjalan lagi.</translation>
    </message>
    <message>
        <source>Alert cleared: %1</source>
        <translation>Peringatan selesai: %1</translation>
    </message>
    <message>
        <source>The condition is no longer reported.</source>
        <translation>Kondisi ini tidak lagi dilaporkan.</translation>
    </message>
    <message>
        <source>Machine %1 is down</source>
        <translation>Mesin %1 mati</translation>
    </message>
    <message>
        <source>No heartbeat in time.</source>
        <translation>Tidak ada heartbeat tepat waktu.</translation>
    </message>
    <message>
        <source>Machine %1 is up</source>
        <translation>Mesin %1 hidup</translation>
    </message>
    <message>
        <source>Heartbeats arrive again.</source>
        <translation>Heartbeat datang lagi.</translation>
    </message>
    <message>
        <source>Still: %1</source>
        <translation>Masih: %1</translation>
    </message>
    <message>
        <source>Oracle down</source>
        <translation>Oracle mati</translation>
    </message>
    <message>
        <source>No price is being fetched: the %1 circuit breaker is open.</source>
        <translation>Tidak ada harga yang diambil: pemutus sirkuit %1 terbuka.</translation>
    </message>
    <message>
        <source>Oracle back up</source>
        <translation>Oracle kembali aktif</translation>
    </message>
    <message>
        <source>Prices are fetched again.</source>
        <translation>Harga diambil lagi.</translation>
    </message>
</context>
<context>
    <name>hb::AddMachineDialog</name>
    <message>
        <source>C&amp;opy</source>
        <translation>&amp;Salin</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Tersalin</translation>
    </message>
    <message>
        <source>Add machine</source>
        <translation>Tambah mesin</translation>
    </message>
    <message>
        <source>e.g. oracle-relay-1</source>
        <translation>mis. relay-oracle-1</translation>
    </message>
    <message>
        <source>Letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos;: it is part of the push URL</source>
        <translation>Huruf, angka, &apos;.&apos;, &apos;_&apos; dan &apos;-&apos;: nama ini bagian dari URL kirim</translation>
    </message>
    <message>
        <source>From 1 s to 30 days, e.g. 90s, 2m, 1h, 30d</source>
        <translation>Dari 1 dtk sampai 30 hari, mis. 90s, 2m, 1h, 30d</translation>
    </message>
    <message>
        <source>Down when no heartbeat came for this long (e.g. 90s, 2m, 1h, 30d).</source>
        <translation>Dianggap mati bila tidak ada heartbeat selama ini (mis. 90s, 2m, 1h, 30d).</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nama:</translation>
    </message>
    <message>
        <source>&amp;Offline after:</source>
        <translation>&amp;Luring setelah:</translation>
    </message>
    <message>
        <source>The machine pings with (from cron or its service):</source>
        <translation>Mesin mengirim heartbeat dengan (dari cron atau layanannya):</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Buat</translation>
    </message>
    <message>
        <source>Offline after: write a length such as 90s, 2m, 1h or 30d.</source>
        <translation>Luring setelah: tulis lama waktu seperti 90s, 2m, 1h atau 30d.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Machine “%1” added. Copy its push token now: it will not be shown again.&lt;/b&gt;</source>
        <translation>&lt;b&gt;Mesin “%1” ditambahkan. Salin token kirimnya sekarang: token ini tidak akan ditampilkan lagi.&lt;/b&gt;</translation>
    </message>
</context>
<context>
    <name>hb::AdminSession</name>
    <message>
        <source>A passphrase is already set; unlock with it instead.</source>
        <translation>Frasa sandi sudah diatur; buka kunci dengan frasa itu.</translation>
    </message>
    <message>
        <source>Unlock admin first.</source>
        <translation>Buka kunci admin dulu.</translation>
    </message>
    <message>
        <source>The current passphrase is wrong.</source>
        <translation>Frasa sandi saat ini salah.</translation>
    </message>
</context>
<context>
    <name>hb::AlertTreeModel</name>
    <message>
        <source>Machine %1 is %2</source>
        <translation>Mesin %1 %2</translation>
    </message>
    <message>
        <source>The circuit breaker of %1 is open</source>
        <translation>Pemutus sirkuit %1 terbuka</translation>
    </message>
    <message numerus="yes">
        <source>(%n dependent alert(s) held)</source>
        <translation>
            <numerusform>(%n peringatan turunan ditahan)</numerusform>
        </translation>
    </message>
    <message>
        <source>cleared</source>
        <translation>selesai</translation>
    </message>
    <message>
        <source>held</source>
        <translation>ditahan</translation>
    </message>
    <message>
        <source>active</source>
        <translation>aktif</translation>
    </message>
    <message>
        <source>info</source>
        <translation>info</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>peringatan</translation>
    </message>
    <message>
        <source>critical</source>
        <translation>kritis</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Waktu</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Umur</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Tingkat</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Sumber</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Pesan</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Oracle down: no price is being fetched</source>
        <translation>Oracle mati: tidak ada harga yang diambil</translation>
    </message>
</context>
<context>
    <name>hb::AnalysisReport</name>
    <message>
        <source>Heartbeat maintenance report</source>
        <translation>Laporan pemeliharaan Heartbeat</translation>
    </message>
    <message>
        <source>≈ %1</source>
        <comment>an estimated duration in ms</comment>
        <translation>≈ %1</translation>
    </message>
    <message>
        <source>exact</source>
        <translation>tepat</translation>
    </message>
    <message>
        <source>estimated</source>
        <translation>perkiraan</translation>
    </message>
    <message>
        <source>unavailable</source>
        <translation>tidak tersedia</translation>
    </message>
    <message>
        <source>Health summary</source>
        <translation>Ringkasan kesehatan</translation>
    </message>
    <message>
        <source>Task runs</source>
        <translation>Jalannya tugas</translation>
    </message>
    <message>
        <source>Failures and timeouts</source>
        <translation>Kegagalan dan lewat waktu</translation>
    </message>
    <message>
        <source>Failure rate</source>
        <translation>Tingkat kegagalan</translation>
    </message>
    <message>
        <source>Ticks</source>
        <translation>Detak</translation>
    </message>
    <message>
        <source>Breaker openings</source>
        <translation>Pemutus terbuka</translation>
    </message>
    <message>
        <source>Alerts raised</source>
        <translation>Peringatan yang muncul</translation>
    </message>
    <message>
        <source>Admin actions</source>
        <translation>Tindakan admin</translation>
    </message>
    <message>
        <source>Run time p50 / p95 / p99 / max (ms)</source>
        <translation>Waktu jalan p50 / p95 / p99 / maks (md)</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>Tugas</translation>
    </message>
    <message>
        <source>No task ran in this range.</source>
        <translation>Tidak ada tugas yang berjalan dalam rentang ini.</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Tugas</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Jalan</translation>
    </message>
    <message>
        <source>Successes</source>
        <translation>Berhasil</translation>
    </message>
    <message>
        <source>Failures</source>
        <translation>Kegagalan</translation>
    </message>
    <message>
        <source>Timeouts</source>
        <translation>Lewat waktu</translation>
    </message>
    <message>
        <source>p50 (ms)</source>
        <translation>p50 (md)</translation>
    </message>
    <message>
        <source>p95 (ms)</source>
        <translation>p95 (md)</translation>
    </message>
    <message>
        <source>p99 (ms)</source>
        <translation>p99 (md)</translation>
    </message>
    <message>
        <source>Max (ms)</source>
        <translation>Maks (md)</translation>
    </message>
    <message>
        <source>Percentiles</source>
        <translation>Persentil</translation>
    </message>
    <message>
        <source>No breaker opened in this range.</source>
        <translation>Tidak ada pemutus yang terbuka dalam rentang ini.</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Terbuka</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Tertutup</translation>
    </message>
    <message>
        <source>Open for</source>
        <translation>Lama terbuka</translation>
    </message>
    <message>
        <source>Failed trials</source>
        <translation>Uji coba gagal</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Alasan</translation>
    </message>
    <message>
        <source>still open</source>
        <translation>masih terbuka</translation>
    </message>
    <message>
        <source>at least %1</source>
        <translation>minimal %1</translation>
    </message>
    <message>
        <source>No alert was raised in this range.</source>
        <translation>Tidak ada peringatan yang muncul dalam rentang ini.</translation>
    </message>
    <message>
        <source>The newest %1 of %2.</source>
        <translation>%1 terbaru dari %2.</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Waktu</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Tingkat</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Subjek</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>Peringatan</translation>
    </message>
    <message>
        <source>No admin action in this range.</source>
        <translation>Tidak ada tindakan admin dalam rentang ini.</translation>
    </message>
    <message>
        <source>Actor</source>
        <translation>Pelaku</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Tindakan</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Rincian</translation>
    </message>
    <message>
        <source>Tick time</source>
        <translation>Waktu detak</translation>
    </message>
    <message>
        <source>Success rate</source>
        <translation>Tingkat keberhasilan</translation>
    </message>
    <message>
        <source>Cycles &amp; memory</source>
        <translation>Cycles &amp; memori</translation>
    </message>
    <message>
        <source>Shard load</source>
        <translation>Beban shard</translation>
    </message>
    <message>
        <source>Range: %1 – %2 (%3)</source>
        <translation>Rentang: %1 – %2 (%3)</translation>
    </message>
    <message>
        <source>File: %1</source>
        <translation>Berkas: %1</translation>
    </message>
    <message>
        <source>Written: %1</source>
        <translation>Ditulis: %1</translation>
    </message>
    <message>
        <source>Run counts and percentiles are estimated from the rollups: they cover %1 – %2 (whole minutes or hours around the range), percentiles within one histogram bucket.</source>
        <translation>Jumlah jalan dan persentil diperkirakan dari ringkasan per menit dan per jam: mencakup %1 – %2 (menit atau jam utuh di sekitar rentang), persentil dengan ketelitian satu kelas histogram.</translation>
    </message>
    <message>
        <source>The raw rows of part of this range are gone (retention): ticks, breaker openings and alerts count only what is left.</source>
        <translation>Sebagian baris mentah rentang ini sudah dihapus (retensi): detak, pemutus terbuka, dan peringatan hanya menghitung yang tersisa.</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>Grafik</translation>
    </message>
    <message>
        <source>unknown report format (the name must end in .pdf or .html)</source>
        <translation>format laporan tidak dikenal (nama harus berakhiran .pdf atau .html)</translation>
    </message>
    <message>
        <source>the range is empty (its end is not after its start)</source>
        <translation>rentang kosong (akhirnya tidak setelah awalnya)</translation>
    </message>
    <message>
        <source>cannot write (%1)</source>
        <translation>tidak dapat ditulis (%1)</translation>
    </message>
</context>
<context>
    <name>hb::ApiServer</name>
    <message>
        <source>cannot listen on %1:%2: not an IP address</source>
        <translation>tidak dapat mendengarkan di %1:%2: bukan alamat IP</translation>
    </message>
    <message>
        <source>cannot listen on %1:%2: %3</source>
        <translation>tidak dapat mendengarkan di %1:%2: %3</translation>
    </message>
</context>
<context>
    <name>hb::AuditLogModel</name>
    <message>
        <source>Time</source>
        <translation>Waktu</translation>
    </message>
    <message>
        <source>Actor</source>
        <translation>Pelaku</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Tindakan</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Rincian</translation>
    </message>
</context>
<context>
    <name>hb::AuditPanel</name>
    <message>
        <source>Load older entries</source>
        <translation>Muat entri lebih lama</translation>
    </message>
    <message>
        <source>Filter by actor, action or detail…</source>
        <translation>Saring menurut pelaku, tindakan, atau rincian…</translation>
    </message>
    <message numerus="yes">
        <source>Read the %n entries before the oldest one shown from metrics.db</source>
        <translation>
            <numerusform>Baca %n entri sebelum yang tertua yang ditampilkan dari metrics.db</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not read older entries: %1</source>
        <translation>Entri lama tidak dapat dibaca: %1</translation>
    </message>
    <message>
        <source>That is the whole audit log.</source>
        <translation>Itu seluruh log audit.</translation>
    </message>
    <message numerus="yes">
        <source>%n older entries loaded.</source>
        <translation>
            <numerusform>%n entri lama dimuat.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entries shown</source>
        <translation>
            <numerusform>%n entri ditampilkan</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n entries match</source>
        <translation>
            <numerusform>%1 dari %n entri cocok</numerusform>
        </translation>
    </message>
    <message>
        <source>loading older entries…</source>
        <translation>memuat entri lama…</translation>
    </message>
    <message>
        <source>No audit entries yet.</source>
        <translation>Belum ada entri audit.</translation>
    </message>
    <message>
        <source>No entry matches “%1”.</source>
        <translation>Tidak ada entri yang cocok dengan “%1”.</translation>
    </message>
</context>
<context>
    <name>hb::BreakerPanel</name>
    <message>
        <source>&amp;Reset</source>
        <translation>&amp;Reset</translation>
    </message>
    <message>
        <source>&amp;Force open</source>
        <translation>&amp;Paksa buka</translation>
    </message>
    <message>
        <source>Reset &amp;all</source>
        <translation>Reset &amp;semua</translation>
    </message>
    <message>
        <source>Close the selected breaker and clear its failure count (admin)</source>
        <translation>Tutup pemutus yang dipilih dan hapus hitungan kegagalannya (admin)</translation>
    </message>
    <message>
        <source>Stop running the selected task until its breaker times out or is reset (admin)</source>
        <translation>Hentikan tugas yang dipilih sampai batas waktu pemutusnya lewat atau direset (admin)</translation>
    </message>
</context>
<context>
    <name>hb::BreakerTableModel</name>
    <message>
        <source>trial running</source>
        <translation>uji coba berjalan</translation>
    </message>
    <message>
        <source>in %1</source>
        <translation>dalam %1</translation>
    </message>
    <message>
        <source>next tick</source>
        <translation>detak berikutnya</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Tugas</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Keadaan</translation>
    </message>
    <message>
        <source>Failures</source>
        <translation>Kegagalan</translation>
    </message>
    <message>
        <source>Last failure</source>
        <translation>Kegagalan terakhir</translation>
    </message>
    <message>
        <source>Next trial</source>
        <translation>Uji coba berikutnya</translation>
    </message>
</context>
<context>
    <name>hb::ChartPanel</name>
    <message>
        <source>Tasks</source>
        <translation>Tugas</translation>
    </message>
    <message>
        <source>Show the run time of chosen tasks on the tick-time chart</source>
        <translation>Tampilkan waktu jalan tugas terpilih di grafik waktu detak</translation>
    </message>
    <message>
        <source>No task has run yet</source>
        <translation>Belum ada tugas yang berjalan</translation>
    </message>
    <message>
        <source>Live data only</source>
        <translation>Hanya data langsung</translation>
    </message>
    <message>
        <source>No metrics file: showing what this window has seen since it opened</source>
        <translation>Tidak ada berkas metrik: menampilkan yang dilihat jendela ini sejak dibuka</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Memuat…</translation>
    </message>
    <message>
        <source>Cannot read history</source>
        <translation>Riwayat tidak dapat dibaca</translation>
    </message>
    <message>
        <source>No data yet</source>
        <translation>Belum ada data</translation>
    </message>
    <message>
        <source>%1 · %2: %3</source>
        <translation>%1 · %2: %3</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Kembali</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>Maju</translation>
    </message>
    <message>
        <source>Back to the previous time range (%1)</source>
        <translation>Kembali ke rentang waktu sebelumnya (%1)</translation>
    </message>
    <message>
        <source>Forward to the next time range (%1)</source>
        <translation>Maju ke rentang waktu berikutnya (%1)</translation>
    </message>
    <message>
        <source>Tick (B)</source>
        <translation>Detak (B)</translation>
    </message>
    <message>
        <source>Success (B)</source>
        <translation>Berhasil (B)</translation>
    </message>
</context>
<context>
    <name>hb::ChartRangeBar</name>
    <message>
        <source>5 min</source>
        <translation>5 mnt</translation>
    </message>
    <message>
        <source>1 h</source>
        <translation>1 jam</translation>
    </message>
    <message>
        <source>24 h</source>
        <translation>24 jam</translation>
    </message>
    <message>
        <source>7 d</source>
        <translation>7 hr</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Semua</translation>
    </message>
    <message>
        <source>Custom…</source>
        <translation>Khusus…</translation>
    </message>
    <message>
        <source>Show a range you choose, from a date and time to another</source>
        <translation>Tampilkan rentang pilihan Anda, dari satu tanggal dan waktu ke yang lain</translation>
    </message>
    <message>
        <source>Last 5 minutes, live</source>
        <translation>5 menit terakhir, langsung</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>Satu jam terakhir</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>24 jam terakhir</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>7 hari terakhir</translation>
    </message>
    <message>
        <source>The last hour of the file</source>
        <translation>Satu jam terakhir dari berkas</translation>
    </message>
    <message>
        <source>The last 24 hours of the file</source>
        <translation>24 jam terakhir dari berkas</translation>
    </message>
    <message>
        <source>The last 7 days of the file</source>
        <translation>7 hari terakhir dari berkas</translation>
    </message>
    <message>
        <source>Everything the file holds</source>
        <translation>Seluruh isi berkas</translation>
    </message>
</context>
<context>
    <name>hb::CircuitBreaker</name>
    <message>
        <source>timeout elapsed, trial run</source>
        <translation>batas waktu lewat, uji coba</translation>
    </message>
    <message>
        <source>trial run succeeded</source>
        <translation>uji coba berhasil</translation>
    </message>
    <message>
        <source>%1 consecutive failures, last: %2</source>
        <translation>%1 kegagalan berturut-turut, terakhir: %2</translation>
    </message>
    <message>
        <source>trial run failed: %1</source>
        <translation>uji coba gagal: %1</translation>
    </message>
</context>
<context>
    <name>hb::CompareDialog</name>
    <message>
        <source>Export CSV…</source>
        <translation>Ekspor CSV…</translation>
    </message>
    <message>
        <source>Compare two ranges</source>
        <translation>Bandingkan dua rentang</translation>
    </message>
    <message>
        <source>Same range the day before</source>
        <translation>Rentang yang sama sehari sebelumnya</translation>
    </message>
    <message>
        <source>Same range the week before</source>
        <translation>Rentang yang sama seminggu sebelumnya</translation>
    </message>
    <message>
        <source>The range just before</source>
        <translation>Rentang tepat sebelumnya</translation>
    </message>
    <message>
        <source>Custom range</source>
        <translation>Rentang khusus</translation>
    </message>
    <message>
        <source>to</source>
        <translation>sampai</translation>
    </message>
    <message>
        <source>Range A (shown):</source>
        <translation>Rentang A (ditampilkan):</translation>
    </message>
    <message>
        <source>Range B:</source>
        <translation>Rentang B:</translation>
    </message>
    <message>
        <source>%1 – %2 (%3)</source>
        <translation>%1 – %2 (%3)</translation>
    </message>
    <message>
        <source>Range B must end after it starts.</source>
        <translation>Rentang B harus berakhir setelah awalnya.</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>Menghitung…</translation>
    </message>
    <message>
        <source>Cannot read the metrics file: %1</source>
        <translation>Berkas metrik tidak dapat dibaca: %1</translation>
    </message>
    <message>
        <source>Range B: %1 – %2</source>
        <translation>Rentang B: %1 – %2</translation>
    </message>
    <message>
        <source>exact, from the raw rows</source>
        <translation>tepat, dari baris mentah</translation>
    </message>
    <message>
        <source>estimated from the minute or hour rollups (%1 – %2, whole buckets); percentiles from their duration histograms</source>
        <translation>perkiraan dari ringkasan per menit atau per jam (%1 – %2, menit atau jam utuh); persentil dari histogram durasinya</translation>
    </message>
    <message>
        <source>not available</source>
        <translation>tidak tersedia</translation>
    </message>
    <message>
        <source>Range A: %1.
Range B: %2.</source>
        <translation>Rentang A: %1.
Rentang B: %2.</translation>
    </message>
    <message>
        <source>Export the comparison as CSV</source>
        <translation>Ekspor perbandingan sebagai CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Berkas CSV (*.csv)</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>Ekspor CSV</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 tidak dapat ditulis: %2</translation>
    </message>
</context>
<context>
    <name>hb::Config</name>
    <message>
        <source>the string &quot;%1&quot;</source>
        <translation>teks &quot;%1&quot;</translation>
    </message>
    <message>
        <source>an array</source>
        <translation>sebuah array</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>sebuah objek</translation>
    </message>
    <message>
        <source>must be true or false (got %1)</source>
        <translation>harus true atau false (didapat %1)</translation>
    </message>
    <message>
        <source>must be a number greater than %1 (got %2)</source>
        <translation>harus berupa angka lebih besar dari %1 (didapat %2)</translation>
    </message>
    <message>
        <source>must be an integer of at least %1 (got %2)</source>
        <translation>harus bilangan bulat minimal %1 (didapat %2)</translation>
    </message>
    <message>
        <source>must be an integer between %1 and %2 (got %3)</source>
        <translation>harus bilangan bulat antara %1 dan %2 (didapat %3)</translation>
    </message>
    <message>
        <source>unknown task (known tasks: %1)</source>
        <translation>tugas tidak dikenal (tugas yang dikenal: %1)</translation>
    </message>
    <message>
        <source>must be greater than cycles_critical_threshold (%1) (got %2)</source>
        <translation>harus lebih besar dari cycles_critical_threshold (%1) (didapat %2)</translation>
    </message>
    <message>
        <source>must be at least retention.raw_days (%1) (got %2)</source>
        <translation>harus minimal retention.raw_days (%1) (didapat %2)</translation>
    </message>
    <message>
        <source>must be at least retention.minute_days (%1) (got %2)</source>
        <translation>harus minimal retention.minute_days (%1) (didapat %2)</translation>
    </message>
    <message>
        <source>must be %1 (got %2)</source>
        <translation>harus %1 (didapat %2)</translation>
    </message>
    <message>
        <source>the file is from a newer version of Heartbeat (format %1); this version reads format %2</source>
        <translation>berkas ini dari versi Heartbeat yang lebih baru (format %1); versi ini membaca format %2</translation>
    </message>
    <message>
        <source>must be an object (got %1)</source>
        <translation>harus berupa objek (didapat %1)</translation>
    </message>
    <message>
        <source>unknown field</source>
        <translation>kolom tidak dikenal</translation>
    </message>
    <message>
        <source>field &apos;%1&apos;: %2</source>
        <translation>kolom &apos;%1&apos;: %2</translation>
    </message>
    <message>
        <source>file does not exist</source>
        <translation>berkas tidak ada</translation>
    </message>
    <message>
        <source>cannot read (%1)</source>
        <translation>tidak dapat dibaca (%1)</translation>
    </message>
    <message>
        <source>not valid JSON: %1 at byte %2</source>
        <translation>bukan JSON yang sah: %1 pada byte %2</translation>
    </message>
    <message>
        <source>not a JSON object</source>
        <translation>bukan objek JSON</translation>
    </message>
    <message>
        <source>cannot save (%1)</source>
        <translation>tidak dapat disimpan (%1)</translation>
    </message>
    <message>
        <source>must be one of %1 (got %2)</source>
        <translation>harus salah satu dari %1 (didapat %2)</translation>
    </message>
    <message>
        <source>must be a string (got %1)</source>
        <translation>harus berupa teks (didapat %1)</translation>
    </message>
    <message>
        <source>must be a number between %1 and %2 (got %3)</source>
        <translation>harus angka antara %1 dan %2 (didapat %3)</translation>
    </message>
    <message>
        <source>must be greater than cycles_alert_threshold (%1) (got %2)</source>
        <translation>harus lebih besar dari cycles_alert_threshold (%1) (didapat %2)</translation>
    </message>
    <message>
        <source>is required when oracle.source is &quot;%1&quot;</source>
        <translation>wajib diisi bila oracle.source adalah &quot;%1&quot;</translation>
    </message>
    <message>
        <source>must be an http:// or https:// URL with a host (got %1)</source>
        <translation>harus URL http:// atau https:// dengan host (didapat %1)</translation>
    </message>
    <message>
        <source>must be &quot;none&quot; or ADDRESS:PORT such as 127.0.0.1:8089 or [::1]:8089 (got %1)</source>
        <translation>harus &quot;none&quot; atau ALAMAT:PORT seperti 127.0.0.1:8089 atau [::1]:8089 (didapat %1)</translation>
    </message>
    <message>
        <source>is required</source>
        <translation>wajib diisi</translation>
    </message>
    <message>
        <source>must be at most %1 characters, without control characters or surrounding spaces (got %2)</source>
        <translation>paling banyak %1 karakter, tanpa karakter kontrol dan tanpa spasi di awal atau akhir (didapat %2)</translation>
    </message>
    <message>
        <source>must hold only %1 (got %2)</source>
        <translation>hanya boleh berisi %1 (didapat %2)</translation>
    </message>
    <message>
        <source>names %1 twice</source>
        <translation>menyebut %1 dua kali</translation>
    </message>
    <message>
        <source>must be 0 (off) or an integer between %1 and %2 (got %3)</source>
        <translation>harus 0 (mati) atau bilangan bulat antara %1 dan %2 (didapat %3)</translation>
    </message>
    <message>
        <source>is not used by a %1 channel</source>
        <translation>tidak dipakai oleh saluran %1</translation>
    </message>
    <message>
        <source>must be &quot;whsec_&quot; followed by the base64 of a key of %1 to %2 bytes</source>
        <translation>harus &quot;whsec_&quot; diikuti base64 dari kunci %1 sampai %2 byte</translation>
    </message>
    <message>
        <source>must not contain spaces, &quot;/&quot; or &quot;?&quot;</source>
        <translation>tidak boleh berisi spasi, &quot;/&quot; atau &quot;?&quot;</translation>
    </message>
    <message>
        <source>must be unique among the channels (%1 is used twice)</source>
        <translation>harus unik di antara saluran (%1 dipakai dua kali)</translation>
    </message>
    <message>
        <source>must be an array of kinds (got %1)</source>
        <translation>harus berupa array jenis (didapat %1)</translation>
    </message>
    <message>
        <source>must be a string or an integer (got %1)</source>
        <translation>harus berupa teks atau bilangan bulat (didapat %1)</translation>
    </message>
    <message>
        <source>a non-string</source>
        <translation>bukan teks</translation>
    </message>
    <message>
        <source>must be &quot;oracle_down&quot; or &quot;machine:NAME&quot; with NAME of 1 to 64 letters, digits, &quot;.&quot;, &quot;_&quot; or &quot;-&quot; (got %1)</source>
        <translation>harus &quot;oracle_down&quot; atau &quot;machine:NAMA&quot; dengan NAMA berisi 1 sampai 64 huruf, angka, &quot;.&quot;, &quot;_&quot; atau &quot;-&quot; (didapat %1)</translation>
    </message>
    <message>
        <source>must name at least one task</source>
        <translation>harus menyebut setidaknya satu tugas</translation>
    </message>
    <message>
        <source>must be a task: one of %1 (got %2)</source>
        <translation>harus berupa tugas: salah satu dari %1 (didapat %2)</translation>
    </message>
    <message>
        <source>is the root of this rule itself</source>
        <translation>adalah akar dari aturan ini sendiri</translation>
    </message>
    <message>
        <source>must be unique among the rules (%1 is used twice)</source>
        <translation>harus unik di antara aturan (%1 dipakai dua kali)</translation>
    </message>
    <message>
        <source>must be an array (got %1)</source>
        <translation>harus berupa array (didapat %1)</translation>
    </message>
    <message>
        <source>must be an array of task names (got %1)</source>
        <translation>harus berupa array nama tugas (didapat %1)</translation>
    </message>
    <message>
        <source>must be a task name (got %1)</source>
        <translation>harus berupa nama tugas (didapat %1)</translation>
    </message>
    <message>
        <source>must name at least one page of %1</source>
        <translation>harus menyebut minimal satu halaman dari %1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a page (the pages are %2)</source>
        <translation>&quot;%1&quot; bukan halaman (halamannya: %2)</translation>
    </message>
    <message>
        <source>names &quot;%1&quot; twice</source>
        <translation>menyebut &quot;%1&quot; dua kali</translation>
    </message>
    <message>
        <source>wall.night_from and wall.night_to are set together</source>
        <translation>wall.night_from dan wall.night_to diatur bersamaan</translation>
    </message>
    <message>
        <source>expected a time as HH:MM, 24-hour (got %1)</source>
        <translation>waktu harus HH:MM, 24 jam (didapat %1)</translation>
    </message>
    <message>
        <source>is required when oracle.fallback_source is &quot;%1&quot;</source>
        <translation>wajib ada jika oracle.fallback_source adalah &quot;%1&quot;</translation>
    </message>
    <message>
        <source>&quot;alternative&quot; needs a second price source: set oracle.fallback_source (and its url or path)</source>
        <translation>&quot;alternative&quot; perlu sumber harga kedua: isi oracle.fallback_source (dan url atau path-nya)</translation>
    </message>
</context>
<context>
    <name>hb::ConfigDialog</name>
    <message>
        <source>Tasks</source>
        <translation>Tugas</translation>
    </message>
    <message>
        <source>Thresholds</source>
        <translation>Ambang</translation>
    </message>
    <message>
        <source>Oracle</source>
        <translation>Oracle</translation>
    </message>
    <message>
        <source>Retention</source>
        <translation>Retensi</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Umum</translation>
    </message>
    <message>
        <source>Heartbeat enabled</source>
        <translation>Heartbeat aktif</translation>
    </message>
    <message>
        <source>Maintenance mode</source>
        <translation>Mode pemeliharaan</translation>
    </message>
    <message>
        <source>Demo data</source>
        <translation>Data demo</translation>
    </message>
    <message>
        <source>Tick interval (ms)</source>
        <translation>Selang detak (md)</translation>
    </message>
    <message>
        <source>Task timeout (ms)</source>
        <translation>Batas waktu tugas (md)</translation>
    </message>
    <message>
        <source>Tasks at once</source>
        <translation>Tugas sekaligus</translation>
    </message>
    <message>
        <source>Liquidate after overdue (days)</source>
        <translation>Likuidasi setelah terlambat (hari)</translation>
    </message>
    <message>
        <source>Memory warning (bytes)</source>
        <translation>Peringatan memori (byte)</translation>
    </message>
    <message>
        <source>Cycles alert below</source>
        <translation>Peringatan cycles di bawah</translation>
    </message>
    <message>
        <source>Cycles critical below</source>
        <translation>Cycles kritis di bawah</translation>
    </message>
    <message>
        <source>Breaker opens after failures</source>
        <translation>Pemutus terbuka setelah kegagalan</translation>
    </message>
    <message>
        <source>Breaker retry after (ms)</source>
        <translation>Pemutus mencoba lagi setelah (md)</translation>
    </message>
    <message>
        <source>Keep raw rows (days)</source>
        <translation>Simpan baris mentah (hari)</translation>
    </message>
    <message>
        <source>Keep minute rollups (days)</source>
        <translation>Simpan ringkasan per menit (hari)</translation>
    </message>
    <message>
        <source>Keep hour rollups (days)</source>
        <translation>Simpan ringkasan per jam (hari)</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Sumber</translation>
    </message>
    <message>
        <source>URL (http)</source>
        <translation>URL (http)</translation>
    </message>
    <message>
        <source>File (file)</source>
        <translation>Berkas (file)</translation>
    </message>
    <message>
        <source>Timeout (ms)</source>
        <translation>Batas waktu (md)</translation>
    </message>
    <message>
        <source>Largest answer (bytes)</source>
        <translation>Jawaban terbesar (byte)</translation>
    </message>
    <message>
        <source>Demo fault rate</source>
        <translation>Tingkat galat demo</translation>
    </message>
    <message>
        <source>Refresh prices older than (ms)</source>
        <translation>Perbarui harga lebih tua dari (md)</translation>
    </message>
    <message>
        <source>Configuration</source>
        <translation>Konfigurasi</translation>
    </message>
    <message>
        <source>Configuration (read only)</source>
        <translation>Konfigurasi (hanya baca)</translation>
    </message>
    <message>
        <source>Unlock admin to change the configuration.</source>
        <translation>Buka kunci admin untuk mengubah konfigurasi.</translation>
    </message>
    <message>
        <source>HTTP API</source>
        <translation>API HTTP</translation>
    </message>
    <message>
        <source>Listen on (address:port)</source>
        <translation>Dengarkan di (alamat:port)</translation>
    </message>
    <message>
        <source>Serve from this dashboard</source>
        <translation>Layani dari dasbor ini</translation>
    </message>
    <message>
        <source>/healthz needs a token</source>
        <translation>/healthz perlu token</translation>
    </message>
    <message>
        <source>/metrics needs a token</source>
        <translation>/metrics perlu token</translation>
    </message>
    <message>
        <source>Request timeout (ms)</source>
        <translation>Batas waktu permintaan (md)</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Notifikasi</translation>
    </message>
    <message>
        <source>Fallback source</source>
        <translation>Sumber cadangan</translation>
    </message>
    <message>
        <source>Fallback URL (http)</source>
        <translation>URL cadangan (http)</translation>
    </message>
    <message>
        <source>Fallback file (file)</source>
        <translation>Berkas cadangan (file)</translation>
    </message>
    <message>
        <source>Schedules</source>
        <translation>Jadwal</translation>
    </message>
</context>
<context>
    <name>hb::CronExpr</name>
    <message>
        <source>minute</source>
        <translation>menit</translation>
    </message>
    <message>
        <source>hour</source>
        <translation>jam</translation>
    </message>
    <message>
        <source>day of month</source>
        <translation>tanggal</translation>
    </message>
    <message>
        <source>month</source>
        <translation>bulan</translation>
    </message>
    <message>
        <source>day of week</source>
        <translation>hari dalam minggu</translation>
    </message>
    <message>
        <source>unexpected &quot;%1&quot;</source>
        <translation>karakter &quot;%1&quot; tidak diharapkan</translation>
    </message>
    <message>
        <source>range %1 goes backwards</source>
        <translation>rentang %1 terbalik</translation>
    </message>
    <message>
        <source>expected a step after &quot;/&quot;</source>
        <translation>diharapkan langkah setelah &quot;/&quot;</translation>
    </message>
    <message>
        <source>step must be at least 1</source>
        <translation>langkah minimal 1</translation>
    </message>
    <message>
        <source>%1 %2 is out of range %3-%4</source>
        <translation>%1 %2 di luar rentang %3-%4</translation>
    </message>
    <message>
        <source>expected a number at the end of the %1 field</source>
        <translation>diharapkan angka di akhir kolom %1</translation>
    </message>
    <message>
        <source>expected a number, got &quot;%1&quot;</source>
        <translation>diharapkan angka, didapat &quot;%1&quot;</translation>
    </message>
    <message>
        <source>unknown month name &quot;%1&quot;</source>
        <translation>nama bulan &quot;%1&quot; tidak dikenal</translation>
    </message>
    <message>
        <source>unknown day name &quot;%1&quot;</source>
        <translation>nama hari &quot;%1&quot; tidak dikenal</translation>
    </message>
    <message>
        <source>names are only for months and days of the week, got &quot;%1&quot; in the %2 field</source>
        <translation>nama hanya untuk bulan dan hari dalam minggu, didapat &quot;%1&quot; di kolom %2</translation>
    </message>
    <message>
        <source>unknown macro &quot;%1&quot;</source>
        <translation>makro &quot;%1&quot; tidak dikenal</translation>
    </message>
    <message>
        <source>expected 5 fields, got %1</source>
        <translation>diharapkan 5 kolom, didapat %1</translation>
    </message>
    <message>
        <source>no chosen month has the chosen day of month</source>
        <translation>tidak ada bulan terpilih yang memiliki tanggal terpilih</translation>
    </message>
</context>
<context>
    <name>hb::DemoSeedProgress</name>
    <message>
        <source>Heartbeat Dashboard</source>
        <translation>Heartbeat Dashboard</translation>
    </message>
    <message>
        <source>Building the demo ledger: %1 of %2 loans…</source>
        <translation>Membangun buku besar demo: %1 dari %2 pinjaman…</translation>
    </message>
</context>
<context>
    <name>hb::EngineHost</name>
    <message>
        <source>The engine thread has not responded for %1 s: no task is started or recorded. It is restarted if it stays stuck %2 s more.</source>
        <translation>Utas engine tidak menjawab selama %1 s: tidak ada tugas yang dimulai atau dicatat. Engine dimulai ulang jika tetap macet %2 s lagi.</translation>
    </message>
</context>
<context>
    <name>hb::EngineRuntime</name>
    <message>
        <source>cannot create the data directory</source>
        <translation>tidak dapat membuat direktori data</translation>
    </message>
    <message>
        <source>is not a directory</source>
        <translation>bukan direktori</translation>
    </message>
    <message>
        <source>in use by another Heartbeat process (pid %1)</source>
        <translation>sedang dipakai proses Heartbeat lain (pid %1)</translation>
    </message>
    <message>
        <source>cannot write to the data directory</source>
        <translation>tidak dapat menulis ke direktori data</translation>
    </message>
</context>
<context>
    <name>hb::ExecutionChart</name>
    <message>
        <source>Tick time</source>
        <translation>Waktu detak</translation>
    </message>
    <message>
        <source>Tick</source>
        <translation>Detak</translation>
    </message>
    <message>
        <source>Average</source>
        <translation>Rata-rata</translation>
    </message>
    <message>
        <source>Peak</source>
        <translation>Puncak</translation>
    </message>
    <message>
        <source>Admin</source>
        <translation>Admin</translation>
    </message>
    <message>
        <source>%1 by %2
%3%4</source>
        <translation>%1 oleh %2
%3%4</translation>
    </message>
    <message>
        <source>Emergency pause</source>
        <translation>Jeda darurat</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Lanjutkan</translation>
    </message>
    <message>
        <source>Maintenance on</source>
        <translation>Pemeliharaan aktif</translation>
    </message>
    <message>
        <source>Maintenance off</source>
        <translation>Pemeliharaan mati</translation>
    </message>
    <message>
        <source>Configuration changed</source>
        <translation>Konfigurasi diubah</translation>
    </message>
    <message>
        <source>Task enabled</source>
        <translation>Tugas diaktifkan</translation>
    </message>
    <message>
        <source>Task disabled</source>
        <translation>Tugas dimatikan</translation>
    </message>
    <message>
        <source>Breaker reset</source>
        <translation>Pemutus direset</translation>
    </message>
    <message>
        <source>Breaker forced open</source>
        <translation>Pemutus dipaksa terbuka</translation>
    </message>
    <message>
        <source>Machine %1 down
%2%3</source>
        <translation>Mesin %1 mati
%2%3</translation>
    </message>
    <message>
        <source>Machine %1 up again
%2%3</source>
        <translation>Mesin %1 hidup lagi
%2%3</translation>
    </message>
    <message>
        <source>Breaker of %1 opened
%2%3</source>
        <translation>Pemutus %1 terbuka
%2%3</translation>
    </message>
</context>
<context>
    <name>hb::HealthBanner</name>
    <message>
        <source>EMERGENCY PAUSE</source>
        <translation>JEDA DARURAT</translation>
    </message>
    <message>
        <source>No task runs until an admin resumes.</source>
        <translation>Tidak ada tugas yang berjalan sampai admin melanjutkan.</translation>
    </message>
    <message>
        <source>No task runs until an admin resumes. Reason: %1</source>
        <translation>Tidak ada tugas yang berjalan sampai admin melanjutkan. Alasan: %1</translation>
    </message>
    <message>
        <source>MAINTENANCE MODE</source>
        <translation>MODE PEMELIHARAAN</translation>
    </message>
    <message>
        <source>Ticks are recorded but no task runs.</source>
        <translation>Detak tetap dicatat, tetapi tidak ada tugas yang berjalan.</translation>
    </message>
    <message>
        <source>Heartbeat disabled</source>
        <translation>Heartbeat dinonaktifkan</translation>
    </message>
    <message>
        <source>Enable it in the configuration to run tasks.</source>
        <translation>Aktifkan di konfigurasi untuk menjalankan tugas.</translation>
    </message>
    <message>
        <source>Waiting for the first heartbeat</source>
        <translation>Menunggu detak pertama</translation>
    </message>
    <message>
        <source>Heartbeat stale</source>
        <translation>Detak basi</translation>
    </message>
    <message>
        <source>Healthy, with alerts</source>
        <translation>Sehat, dengan peringatan</translation>
    </message>
    <message numerus="yes">
        <source>%n active alert(s)</source>
        <translation>
            <numerusform>%n peringatan aktif</numerusform>
        </translation>
    </message>
    <message>
        <source>Healthy</source>
        <translation>Sehat</translation>
    </message>
    <message>
        <source>Last heartbeat %1</source>
        <translation>Detak terakhir %1</translation>
    </message>
    <message>
        <source>Oracle: demo feed, degraded: %1</source>
        <translation>Oracle: umpan demo, menurun: %1</translation>
    </message>
    <message>
        <source>Oracle: demo feed, down: price updates stopped by their circuit breaker</source>
        <translation>Oracle: umpan demo, mati: pembaruan harga dihentikan pemutus sirkuitnya</translation>
    </message>
    <message>
        <source>Oracle: demo feed</source>
        <translation>Oracle: umpan demo</translation>
    </message>
    <message>
        <source>Oracle not configured</source>
        <translation>Oracle belum diatur</translation>
    </message>
    <message>
        <source>Oracle not measured yet</source>
        <translation>Oracle belum diukur</translation>
    </message>
    <message>
        <source>Oracle OK</source>
        <translation>Oracle baik</translation>
    </message>
    <message>
        <source>Oracle OK (%1 errors, %2 average)</source>
        <translation>Oracle baik (galat %1, rata-rata %2)</translation>
    </message>
    <message>
        <source>Oracle degraded: %1</source>
        <translation>Oracle menurun: %1</translation>
    </message>
    <message>
        <source>Oracle down: price updates stopped by their circuit breaker</source>
        <translation>Oracle mati: pembaruan harga dihentikan pemutus sirkuitnya</translation>
    </message>
    <message>
        <source>SAFE MODE</source>
        <translation>MODE AMAN</translation>
    </message>
    <message>
        <source>Only critical tasks run until an admin leaves safe mode.</source>
        <translation>Hanya tugas kritis yang berjalan sampai admin keluar dari mode aman.</translation>
    </message>
    <message>
        <source>Only critical tasks run until an admin leaves safe mode. Reason: %1</source>
        <translation>Hanya tugas kritis yang berjalan sampai admin keluar dari mode aman. Alasan: %1</translation>
    </message>
</context>
<context>
    <name>hb::HealthReport</name>
    <message>
        <source>No heartbeat yet: no tick has run.</source>
        <translation>Belum ada detak: belum ada tick yang berjalan.</translation>
    </message>
    <message>
        <source>The heartbeat is stale: the last tick started %1 s ago (the limit is %2 s).</source>
        <translation>Detak basi: tick terakhir mulai %1 dtk lalu (batasnya %2 dtk).</translation>
    </message>
    <message>
        <source>The engine is in emergency pause.</source>
        <translation>Mesin dalam jeda darurat.</translation>
    </message>
    <message>
        <source>The engine is in emergency pause: %1</source>
        <translation>Mesin dalam jeda darurat: %1</translation>
    </message>
    <message>
        <source>Maintenance mode is on: no task runs.</source>
        <translation>Mode pemeliharaan aktif: tidak ada tugas yang berjalan.</translation>
    </message>
    <message>
        <source>The heartbeat is disabled: no task runs.</source>
        <translation>Detak dinonaktifkan: tidak ada tugas yang berjalan.</translation>
    </message>
    <message>
        <source>The price feed is down: the %1 circuit breaker is open.</source>
        <translation>Umpan harga mati: pemutus sirkuit %1 terbuka.</translation>
    </message>
</context>
<context>
    <name>hb::HeartbeatEngine</name>
    <message>
        <source>cancelled: engine stopping</source>
        <translation>dibatalkan: mesin berhenti</translation>
    </message>
    <message>
        <source>exception: %1</source>
        <translation>pengecualian: %1</translation>
    </message>
    <message>
        <source>unknown exception</source>
        <translation>pengecualian tidak dikenal</translation>
    </message>
    <message>
        <source>timed out after %1 ms</source>
        <translation>melewati batas waktu setelah %1 ms</translation>
    </message>
    <message>
        <source>%1 requires the %2 role; %3 is a %4</source>
        <translation>%1 memerlukan peran %2; %3 berperan %4</translation>
    </message>
    <message>
        <source>cancelled: emergency pause</source>
        <translation>dibatalkan: jeda darurat</translation>
    </message>
    <message>
        <source>there is no task named %1</source>
        <translation>tidak ada tugas bernama %1</translation>
    </message>
    <message>
        <source>cancelled: maintenance mode</source>
        <translation>dibatalkan: mode pemeliharaan</translation>
    </message>
    <message>
        <source>reset by %1</source>
        <translation>direset oleh %1</translation>
    </message>
    <message>
        <source>forced open by %1</source>
        <translation>dipaksa terbuka oleh %1</translation>
    </message>
    <message numerus="yes">
        <source>Circuit breaker of %1 opened after %n failure(s); the task is skipped until its next trial</source>
        <translation>
            <numerusform>Pemutus sirkuit %1 terbuka setelah %n kegagalan; tugas dilewati sampai uji coba berikutnya</numerusform>
        </translation>
    </message>
    <message>
        <source>Circuit breaker of %1 is half-open: one trial run decides</source>
        <translation>Pemutus sirkuit %1 setengah terbuka: satu uji coba menentukan</translation>
    </message>
    <message>
        <source>Circuit breaker of %1 was forced open; the task is skipped until it is reset or its next trial</source>
        <translation>Pemutus sirkuit %1 dipaksa terbuka; tugas dilewati sampai direset atau uji coba berikutnya</translation>
    </message>
    <message>
        <source>circuit breaker open; next trial at %1</source>
        <translation>pemutus sirkuit terbuka; uji coba berikutnya pukul %1</translation>
    </message>
    <message>
        <source>circuit breaker half-open; its trial run has not answered yet</source>
        <translation>pemutus sirkuit setengah terbuka; uji cobanya belum selesai</translation>
    </message>
    <message>
        <source>%1, before it started</source>
        <translation>%1, sebelum mulai</translation>
    </message>
    <message>
        <source>The metrics store cannot be written (%1). The engine is paused and the ledger unchanged until Resume finds the store writable again.</source>
        <translation>Penyimpanan metrik tidak dapat ditulis (%1). Mesin dijeda dan buku besar tidak berubah sampai Lanjutkan mendapati penyimpanan dapat ditulis lagi.</translation>
    </message>
    <message>
        <source>metrics store failed: %1</source>
        <translation>penyimpanan metrik gagal: %1</translation>
    </message>
    <message>
        <source>cancelled: metrics store failed</source>
        <translation>dibatalkan: penyimpanan metrik gagal</translation>
    </message>
    <message>
        <source>the metrics store still cannot be written: %1</source>
        <translation>penyimpanan metrik masih tidak dapat ditulis: %1</translation>
    </message>
    <message>
        <source>a silence needs a reason</source>
        <translation>senyap memerlukan alasan</translation>
    </message>
    <message>
        <source>a silence must end after it starts, and in the future</source>
        <translation>senyap harus berakhir setelah dimulai, dan di masa depan</translation>
    </message>
    <message>
        <source>there is no notification kind %1</source>
        <translation>tidak ada jenis notifikasi %1</translation>
    </message>
    <message>
        <source>the silence could not be saved: %1</source>
        <translation>senyap tidak dapat disimpan: %1</translation>
    </message>
    <message>
        <source>there is no current or future silence %1</source>
        <translation>tidak ada senyap %1 yang sedang atau akan berlaku</translation>
    </message>
    <message>
        <source>the silence could not be ended: %1</source>
        <translation>senyap tidak dapat diakhiri: %1</translation>
    </message>
    <message>
        <source>this engine has no metrics store</source>
        <translation>engine ini tidak memiliki penyimpanan metrik</translation>
    </message>
    <message>
        <source>safe mode: only critical tasks run</source>
        <translation>mode aman: hanya tugas kritis yang berjalan</translation>
    </message>
    <message>
        <source>attempt %1 of %2 failed; retrying in %3 ms: %4</source>
        <translation>percobaan %1 dari %2 gagal; dicoba lagi dalam %3 ms: %4</translation>
    </message>
    <message>
        <source>attempt %1 of %2: %3</source>
        <translation>percobaan %1 dari %2: %3</translation>
    </message>
    <message>
        <source>failed; skipped by its fallback: %1</source>
        <translation>gagal; dilewati oleh cadangannya: %1</translation>
    </message>
    <message>
        <source>%1 failed; its fallback tells and carries on: %2</source>
        <translation>%1 gagal; cadangannya memberi tahu dan lanjut: %2</translation>
    </message>
    <message>
        <source>stopped by its fallback until an admin enables it: %1</source>
        <translation>dihentikan oleh cadangannya sampai admin mengaktifkannya: %1</translation>
    </message>
    <message>
        <source>%1 failed and its fallback (%2) too: %3</source>
        <translation>%1 gagal, begitu pula cadangannya (%2): %3</translation>
    </message>
    <message>
        <source>bad cron expression at position %1: %2</source>
        <translation>ekspresi cron salah pada posisi %1: %2</translation>
    </message>
    <message>
        <source>unknown time zone %1</source>
        <translation>zona waktu %1 tidak dikenal</translation>
    </message>
    <message>
        <source>a recurring silence lasts from one minute to seven days each time</source>
        <translation>senyap berulang berlangsung satu menit hingga tujuh hari setiap kalinya</translation>
    </message>
</context>
<context>
    <name>hb::HistoryModel</name>
    <message>
        <source>Time</source>
        <translation>Waktu</translation>
    </message>
    <message>
        <source>Tick</source>
        <translation>Detak</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Tugas</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Hasil</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Durasi</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Butir</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Galat</translation>
    </message>
    <message>
        <source>Waited %1 for a free worker thread before it started</source>
        <translation>Menunggu %1 thread pekerja yang bebas sebelum mulai</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>Antre</translation>
    </message>
</context>
<context>
    <name>hb::HistoryPanel</name>
    <message>
        <source>All tasks</source>
        <translation>Semua tugas</translation>
    </message>
    <message>
        <source>All outcomes</source>
        <translation>Semua hasil</translation>
    </message>
    <message>
        <source>Task:</source>
        <translation>Tugas:</translation>
    </message>
    <message>
        <source>Outcome:</source>
        <translation>Hasil:</translation>
    </message>
    <message>
        <source>%1 · tick %2 · %3 · %4</source>
        <translation>%1 · detak %2 · %3 · %4</translation>
    </message>
    <message>
        <source>Select a tick or a run to see what happened.</source>
        <translation>Pilih detak atau jalannya tugas untuk melihat yang terjadi.</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Jalan</translation>
    </message>
    <message>
        <source>Ticks</source>
        <translation>Detak</translation>
    </message>
    <message>
        <source>Tick %1 · %2 · %3 · %4 ran, %5 succeeded, %6 failed</source>
        <translation>Detak %1 · %2 · %3 · %4 berjalan, %5 berhasil, %6 gagal</translation>
    </message>
    <message>
        <source>No task ran: %1</source>
        <translation>Tidak ada tugas yang berjalan: %1</translation>
    </message>
    <message>
        <source>%1: %2, %3</source>
        <translation>%1: %2, %3</translation>
    </message>
    <message>
        <source>Could not read the earlier history: %1</source>
        <translation>Riwayat sebelumnya tidak dapat dibaca: %1</translation>
    </message>
    <message>
        <source>No ticks yet.</source>
        <translation>Belum ada detak.</translation>
    </message>
    <message>
        <source>No run matches the filter.</source>
        <translation>Tidak ada jalannya tugas yang cocok dengan saringan.</translation>
    </message>
    <message>
        <source>No task runs yet.</source>
        <translation>Belum ada tugas yang berjalan.</translation>
    </message>
    <message>
        <source>Show recent runs</source>
        <translation>Tampilkan jalan terbaru</translation>
    </message>
    <message>
        <source>Audit entries around it: %1</source>
        <translation>Entri audit di sekitarnya: %1</translation>
    </message>
    <message>
        <source>No audit entry within 5 minutes of it.</source>
        <translation>Tidak ada entri audit dalam 5 menit di sekitarnya.</translation>
    </message>
    <message>
        <source>Audit entries within 5 minutes:</source>
        <translation>Entri audit dalam 5 menit:</translation>
    </message>
    <message>
        <source>Reading the runs of %1 – %2…</source>
        <translation>Membaca jalannya tugas %1 – %2…</translation>
    </message>
    <message>
        <source>Could not read the runs: %1</source>
        <translation>Jalannya tugas tidak dapat dibaca: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n runs of %1 – %2</source>
        <translation>
            <numerusform>%n jalan dalam %1 – %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hb::JsonRecordReader</name>
    <message>
        <source>expected an object</source>
        <translation>seharusnya objek</translation>
    </message>
    <message>
        <source>expected 1 to 64 letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;</source>
        <translation>seharusnya 1 sampai 64 huruf, angka, &apos;.&apos;, &apos;_&apos; atau &apos;-&apos;</translation>
    </message>
    <message>
        <source>expected a string</source>
        <translation>seharusnya teks</translation>
    </message>
    <message>
        <source>expected a whole number of milliseconds from %1 to %2</source>
        <translation>seharusnya bilangan bulat milidetik dari %1 sampai %2</translation>
    </message>
    <message>
        <source>expected true or false</source>
        <translation>seharusnya true atau false</translation>
    </message>
    <message>
        <source>expected 64 hexadecimal digits</source>
        <translation>seharusnya 64 digit heksadesimal</translation>
    </message>
</context>
<context>
    <name>hb::Ledger</name>
    <message>
        <source>cannot read the shard list</source>
        <translation>daftar shard tidak dapat dibaca</translation>
    </message>
    <message>
        <source>ledger_meta &apos;virtual_nodes&apos; is not a positive number</source>
        <translation>ledger_meta &apos;virtual_nodes&apos; bukan angka positif</translation>
    </message>
    <message>
        <source>cannot read the ring settings</source>
        <translation>pengaturan ring tidak dapat dibaca</translation>
    </message>
    <message>
        <source>cannot create the ring</source>
        <translation>ring tidak dapat dibuat</translation>
    </message>
    <message>
        <source>cannot change the ring</source>
        <translation>ring tidak dapat diubah</translation>
    </message>
    <message>
        <source>cannot journal a migration</source>
        <translation>migrasi tidak dapat dicatat di jurnal</translation>
    </message>
    <message>
        <source>cannot switch the ring</source>
        <translation>ring tidak dapat dialihkan</translation>
    </message>
    <message>
        <source>the migration journal is damaged (migration %1)</source>
        <translation>jurnal migrasi rusak (migrasi %1)</translation>
    </message>
    <message>
        <source>cannot read the migration journal</source>
        <translation>jurnal migrasi tidak dapat dibaca</translation>
    </message>
    <message>
        <source>cannot read pool totals</source>
        <translation>total pool tidak dapat dibaca</translation>
    </message>
    <message>
        <source>cannot write pool totals</source>
        <translation>total pool tidak dapat ditulis</translation>
    </message>
    <message>
        <source>prices hold an unknown commodity &apos;%1&apos;</source>
        <translation>harga memuat komoditas tak dikenal &apos;%1&apos;</translation>
    </message>
    <message>
        <source>cannot read prices</source>
        <translation>harga tidak dapat dibaca</translation>
    </message>
    <message>
        <source>cannot write a price</source>
        <translation>harga tidak dapat ditulis</translation>
    </message>
    <message>
        <source>cannot read balances</source>
        <translation>saldo tidak dapat dibaca</translation>
    </message>
    <message>
        <source>cannot write balances</source>
        <translation>saldo tidak dapat ditulis</translation>
    </message>
    <message>
        <source>cannot transfer to cycles</source>
        <translation>tidak dapat memindahkan ke cycles</translation>
    </message>
    <message>
        <source>cannot burn cycles</source>
        <translation>tidak dapat membakar cycles</translation>
    </message>
    <message>
        <source>cannot create the folder</source>
        <translation>folder tidak dapat dibuat</translation>
    </message>
    <message>
        <source>ledger_meta has no &apos;virtual_nodes&apos;</source>
        <translation>ledger_meta tidak punya &apos;virtual_nodes&apos;</translation>
    </message>
    <message>
        <source>holds %1 loans but catalog.db lists no shards; restore catalog.db or move the shard files away</source>
        <translation>memuat %1 pinjaman tetapi catalog.db tidak mencantumkan shard; pulihkan catalog.db atau pindahkan berkas shard</translation>
    </message>
    <message>
        <source>loan &apos;%1&apos; appears twice in one insert</source>
        <translation>pinjaman &apos;%1&apos; muncul dua kali dalam satu penyisipan</translation>
    </message>
    <message>
        <source>stopped during a migration; reopen the ledger to recover</source>
        <translation>berhenti di tengah migrasi; buka ulang ledger untuk memulihkan</translation>
    </message>
    <message>
        <source>migration failed</source>
        <translation>migrasi gagal</translation>
    </message>
    <message>
        <source>undoing it failed too (%1); reopen the ledger to recover</source>
        <translation>membatalkannya juga gagal (%1); buka ulang ledger untuk memulihkan</translation>
    </message>
    <message>
        <source>ledger catalog</source>
        <translation>katalog ledger</translation>
    </message>
    <message>
        <source>ledger shard</source>
        <translation>shard ledger</translation>
    </message>
    <message>
        <source>; the file is read-only</source>
        <translation>; berkas hanya baca</translation>
    </message>
    <message>
        <source>; its folder is read-only</source>
        <translation>; foldernya hanya baca</translation>
    </message>
    <message>
        <source>not a valid %1 (%2)</source>
        <translation>bukan %1 yang sah (%2)</translation>
    </message>
    <message>
        <source>written by a newer version of Heartbeat Dashboard (schema %1; this build reads up to %2); upgrade to open it</source>
        <translation>ditulis oleh versi Dasbor Heartbeat yang lebih baru (skema %1; versi ini membaca sampai %2); perbarui untuk membukanya</translation>
    </message>
    <message>
        <source>missing, but catalog.db lists it in the ring; restore it from a backup</source>
        <translation>hilang, tetapi catalog.db mencantumkannya di ring; pulihkan dari cadangan</translation>
    </message>
    <message>
        <source>cannot open (%1)</source>
        <translation>tidak dapat dibuka (%1)</translation>
    </message>
    <message numerus="yes">
        <source>it holds %n other table(s)</source>
        <translation>
            <numerusform>berisi %n tabel lain</numerusform>
        </translation>
    </message>
    <message>
        <source>cannot write (%1)</source>
        <translation>tidak dapat ditulis (%1)</translation>
    </message>
    <message>
        <source>migration %1: the copied loans do not match on the destination shards (%2 found, %3 copied)</source>
        <translation>migrasi %1: pinjaman yang disalin tidak cocok di shard tujuan (%2 ditemukan, %3 disalin)</translation>
    </message>
    <message>
        <source>not a valid ledger shard</source>
        <translation>bukan shard ledger yang sah</translation>
    </message>
    <message>
        <source>loan &apos;%1&apos; has an unknown %2 &apos;%3&apos;</source>
        <translation>pinjaman &apos;%1&apos; memiliki %2 tak dikenal &apos;%3&apos;</translation>
    </message>
    <message>
        <source>loan &apos;%1&apos; already exists</source>
        <translation>pinjaman &apos;%1&apos; sudah ada</translation>
    </message>
    <message>
        <source>cannot insert loans</source>
        <translation>pinjaman tidak dapat disisipkan</translation>
    </message>
    <message>
        <source>cannot delete loans</source>
        <translation>pinjaman tidak dapat dihapus</translation>
    </message>
    <message>
        <source>cannot read loan</source>
        <translation>pinjaman tidak dapat dibaca</translation>
    </message>
    <message>
        <source>cannot update loan status</source>
        <translation>status pinjaman tidak dapat diperbarui</translation>
    </message>
    <message>
        <source>cannot read loans</source>
        <translation>pinjaman tidak dapat dibaca</translation>
    </message>
    <message>
        <source>loans hold an unknown status &apos;%1&apos;</source>
        <translation>pinjaman memuat status tak dikenal &apos;%1&apos;</translation>
    </message>
    <message>
        <source>cannot count loans</source>
        <translation>pinjaman tidak dapat dihitung</translation>
    </message>
    <message>
        <source>cannot sum pool totals</source>
        <translation>total pool tidak dapat dijumlahkan</translation>
    </message>
    <message>
        <source>shard unavailable after %1 consecutive failures; next try in %2 s</source>
        <translation>shard tidak tersedia setelah %1 kegagalan berturut-turut; coba lagi dalam %2 dtk</translation>
    </message>
    <message>
        <source>shard is not open</source>
        <translation>shard tidak terbuka</translation>
    </message>
    <message>
        <source>cannot sync to disk (%1)</source>
        <translation>tidak dapat disinkronkan ke disk (%1)</translation>
    </message>
    <message>
        <source>cannot create (renaming %1 failed%2)</source>
        <translation>tidak dapat dibuat (gagal mengganti nama %1%2)</translation>
    </message>
    <message>
        <source>cannot credit the treasury</source>
        <translation>tidak dapat menambah kas</translation>
    </message>
    <message>
        <source>cannot read the audit outbox</source>
        <translation>tidak dapat membaca kotak keluar audit</translation>
    </message>
    <message>
        <source>cannot clear the audit outbox</source>
        <translation>tidak dapat mengosongkan kotak keluar audit</translation>
    </message>
    <message>
        <source>cannot write the audit outbox</source>
        <translation>tidak dapat menulis kotak keluar audit</translation>
    </message>
    <message>
        <source>ledger changes refused: the metrics store failed (%1)</source>
        <translation>perubahan buku besar ditolak: penyimpanan metrik gagal (%1)</translation>
    </message>
</context>
<context>
    <name>hb::MachineListModel</name>
    <message>
        <source>new</source>
        <translation>baru</translation>
    </message>
    <message>
        <source>up</source>
        <translation>hidup</translation>
    </message>
    <message>
        <source>down</source>
        <translation>mati</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>dijeda</translation>
    </message>
    <message>
        <source>Down for %1</source>
        <translation>Mati selama %1</translation>
    </message>
    <message numerus="yes">
        <source>The last %n heartbeat(s), oldest on the left; failures in red</source>
        <translation>
            <numerusform>%n heartbeat terakhir, yang tertua di kiri; kegagalan berwarna merah</numerusform>
        </translation>
    </message>
    <message>
        <source>Since %1</source>
        <translation>Sejak %1</translation>
    </message>
    <message>
        <source>never</source>
        <translation>tidak pernah</translation>
    </message>
    <message numerus="yes">
        <source>%n heartbeat(s)</source>
        <translation>
            <numerusform>%n heartbeat</numerusform>
        </translation>
    </message>
    <message>
        <source>Machine</source>
        <translation>Mesin</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Keadaan</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>Terakhir terlihat</translation>
    </message>
    <message>
        <source>Down since</source>
        <translation>Mati sejak</translation>
    </message>
    <message>
        <source>Offline after</source>
        <translation>Luring setelah</translation>
    </message>
    <message>
        <source>Recent heartbeats</source>
        <translation>Heartbeat terakhir</translation>
    </message>
</context>
<context>
    <name>hb::MachineRegistry</name>
    <message>
        <source>&apos;%1&apos; is not a valid machine name: use 1 to 64 letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;</source>
        <translation>&apos;%1&apos; bukan nama mesin yang sah: pakai 1 sampai 64 huruf, angka, &apos;.&apos;, &apos;_&apos; atau &apos;-&apos;</translation>
    </message>
    <message>
        <source>offline-after must be from 1s to 30d</source>
        <translation>offline-after harus dari 1s sampai 30d</translation>
    </message>
    <message>
        <source>a machine named &apos;%1&apos; already exists</source>
        <translation>mesin bernama &apos;%1&apos; sudah ada</translation>
    </message>
    <message>
        <source>no machine named &apos;%1&apos;</source>
        <translation>tidak ada mesin bernama &apos;%1&apos;</translation>
    </message>
</context>
<context>
    <name>hb::MachinesPanel</name>
    <message>
        <source>&amp;Add machine…</source>
        <translation>&amp;Tambah mesin…</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Jeda</translation>
    </message>
    <message>
        <source>Re&amp;move…</source>
        <translation>&amp;Hapus…</translation>
    </message>
    <message>
        <source>No machines yet. An admin adds one with Add machine… (or `heartbeatd machine add NAME`); it then pushes heartbeats to the HTTP API.</source>
        <translation>Belum ada mesin. Admin menambahkannya dengan Tambah mesin… (atau `heartbeatd machine add NAMA`); mesin itu lalu mengirim heartbeat ke API HTTP.</translation>
    </message>
    <message>
        <source>Unlock admin to change machines</source>
        <translation>Buka kunci admin untuk mengubah mesin</translation>
    </message>
    <message>
        <source>Register a machine and show its push token once</source>
        <translation>Daftarkan mesin dan tampilkan token kirimnya satu kali</translation>
    </message>
    <message>
        <source>Stop judging the selected machine (or judge it again)</source>
        <translation>Berhenti menilai mesin yang dipilih (atau menilainya lagi)</translation>
    </message>
    <message>
        <source>Forget the selected machine and its token</source>
        <translation>Lupakan mesin yang dipilih beserta tokennya</translation>
    </message>
    <message>
        <source>Res&amp;ume</source>
        <translation>&amp;Lanjutkan</translation>
    </message>
    <message>
        <source>admin is locked</source>
        <translation>admin terkunci</translation>
    </message>
    <message>
        <source>Pause machine</source>
        <translation>Jeda mesin</translation>
    </message>
    <message>
        <source>Resume machine</source>
        <translation>Lanjutkan mesin</translation>
    </message>
    <message>
        <source>Remove machine</source>
        <translation>Hapus mesin</translation>
    </message>
    <message>
        <source>Remove the machine “%1”? Its token stops working and its heartbeats are refused from now on; its past events stay in the history.</source>
        <translation>Hapus mesin “%1”? Tokennya berhenti berlaku dan heartbeat-nya ditolak mulai sekarang; peristiwa lamanya tetap ada di riwayat.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Hapus</translation>
    </message>
</context>
<context>
    <name>hb::MainWindow</name>
    <message>
        <source>Heartbeat Dashboard</source>
        <translation>Dasbor Heartbeat</translation>
    </message>
    <message>
        <source>Data directory: %1</source>
        <translation>Direktori data: %1</translation>
    </message>
    <message>
        <source>Emergency &amp;pause</source>
        <translation>&amp;Jeda darurat</translation>
    </message>
    <message>
        <source>Stop every task now and cancel running ones (Ctrl+Shift+P)</source>
        <translation>Hentikan semua tugas sekarang dan batalkan yang sedang berjalan (Ctrl+Shift+P)</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>&amp;Lanjutkan</translation>
    </message>
    <message>
        <source>Resume after an emergency pause (Ctrl+Shift+R)</source>
        <translation>Lanjutkan setelah jeda darurat (Ctrl+Shift+R)</translation>
    </message>
    <message>
        <source>&amp;Maintenance mode</source>
        <translation>Mode &amp;pemeliharaan</translation>
    </message>
    <message>
        <source>Keep recording heartbeats but run no task</source>
        <translation>Tetap mencatat detak tetapi tidak menjalankan tugas</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Keluar</translation>
    </message>
    <message>
        <source>Reset all circuit &amp;breakers</source>
        <translation>Reset semua &amp;pemutus sirkuit</translation>
    </message>
    <message>
        <source>Reset circuit breakers</source>
        <translation>Reset pemutus sirkuit</translation>
    </message>
    <message>
        <source>Close every circuit breaker and clear its failure count?</source>
        <translation>Tutup semua pemutus sirkuit dan hapus hitungan kegagalannya?</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Berkas</translation>
    </message>
    <message>
        <source>&amp;Engine</source>
        <translation>&amp;Mesin</translation>
    </message>
    <message>
        <source>Emergency</source>
        <translation>Darurat</translation>
    </message>
    <message>
        <source>Last tick #%1, %2</source>
        <translation>Detak terakhir #%1, %2</translation>
    </message>
    <message>
        <source>No tick yet</source>
        <translation>Belum ada detak</translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation>Ditolak: %1</translation>
    </message>
    <message>
        <source>Not done</source>
        <translation>Tidak dilakukan</translation>
    </message>
    <message>
        <source>paused from the dashboard</source>
        <translation>dijeda dari dasbor</translation>
    </message>
    <message>
        <source>Emergency pause</source>
        <translation>Jeda darurat</translation>
    </message>
    <message>
        <source>Every task stops now and running tasks are cancelled.
Reason (recorded in the audit log):</source>
        <translation>Semua tugas berhenti sekarang dan tugas yang berjalan dibatalkan.
Alasan (dicatat di log audit):</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Lanjutkan</translation>
    </message>
    <message>
        <source>Resume the heartbeat? Tasks run again from the next tick.</source>
        <translation>Lanjutkan heartbeat? Tugas berjalan lagi mulai detak berikutnya.</translation>
    </message>
    <message>
        <source>Maintenance mode</source>
        <translation>Mode pemeliharaan</translation>
    </message>
    <message>
        <source>Enter maintenance mode? Heartbeats are still recorded, but no task runs and running tasks are cancelled.</source>
        <translation>Masuk mode pemeliharaan? Detak tetap dicatat, tetapi tidak ada tugas yang berjalan dan tugas yang sedang berjalan dibatalkan.</translation>
    </message>
    <message>
        <source>No admin passphrase is set for this data directory: everyone here is a viewer. Choose Unlock admin to set one.</source>
        <translation>Belum ada frasa sandi admin untuk direktori data ini: semua orang di sini hanya pemirsa. Pilih Buka kunci admin untuk mengaturnya.</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>Tugas</translation>
    </message>
    <message>
        <source>Circuit breakers</source>
        <translation>Pemutus sirkuit</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Peringatan</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Riwayat</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Log audit</translation>
    </message>
    <message>
        <source>Admin locked after 5 idle minutes</source>
        <translation>Admin terkunci setelah 5 menit diam</translation>
    </message>
    <message>
        <source>&amp;Unlock admin…</source>
        <translation>&amp;Buka kunci admin…</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>&amp;Kunci</translation>
    </message>
    <message>
        <source>&amp;Configuration…</source>
        <translation>&amp;Konfigurasi…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Tampilan</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Bahasa</translation>
    </message>
    <message>
        <source>The language changes the next time the dashboard starts</source>
        <translation>Bahasa berganti saat dasbor dijalankan berikutnya</translation>
    </message>
    <message>
        <source>Admin: %1</source>
        <translation>Admin: %1</translation>
    </message>
    <message>
        <source>Viewer (read only)</source>
        <translation>Pemirsa (hanya baca)</translation>
    </message>
    <message>
        <source>Set the admin passphrase</source>
        <translation>Atur frasa sandi admin</translation>
    </message>
    <message>
        <source>No admin passphrase is set yet. Choose one (at least %1 characters); only a salted hash is stored.</source>
        <translation>Belum ada frasa sandi admin. Pilih satu (minimal %1 karakter); hanya hash bergaram yang disimpan.</translation>
    </message>
    <message>
        <source>Type it again:</source>
        <translation>Ketik sekali lagi:</translation>
    </message>
    <message>
        <source>Not set</source>
        <translation>Tidak diatur</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>Kedua frasa sandi berbeda.</translation>
    </message>
    <message>
        <source>Unlock admin</source>
        <translation>Buka kunci admin</translation>
    </message>
    <message>
        <source>Admin passphrase:</source>
        <translation>Frasa sandi admin:</translation>
    </message>
    <message>
        <source>Admin unlocked; it locks again after 5 idle minutes</source>
        <translation>Admin terbuka; terkunci lagi setelah 5 menit diam</translation>
    </message>
    <message>
        <source>Wrong passphrase</source>
        <translation>Frasa sandi salah</translation>
    </message>
    <message>
        <source>Alert: %1</source>
        <translation>Peringatan: %1</translation>
    </message>
    <message>
        <source>Go to %1</source>
        <translation>Tampilkan %1</translation>
    </message>
    <message>
        <source>No alerts: cycles, memory, the treasury, the oracle and every circuit breaker are fine.</source>
        <translation>Tidak ada peringatan: cycles, memori, kas, oracle, dan semua pemutus sirkuit baik.</translation>
    </message>
    <message>
        <source>Viewers can watch but change nothing. Unlock admin, then do it again.</source>
        <translation>Pemirsa dapat melihat tetapi tidak dapat mengubah apa pun. Buka kunci admin, lalu ulangi.</translation>
    </message>
    <message>
        <source>Unlock admin…</source>
        <translation>Buka kunci admin…</translation>
    </message>
    <message>
        <source>Change admin &amp;passphrase…</source>
        <translation>Ubah &amp;frasa sandi admin…</translation>
    </message>
    <message>
        <source>Change admin passphrase</source>
        <translation>Ubah frasa sandi admin</translation>
    </message>
    <message>
        <source>Current passphrase:</source>
        <translation>Frasa sandi saat ini:</translation>
    </message>
    <message>
        <source>New passphrase (at least %1 characters):</source>
        <translation>Frasa sandi baru (minimal %1 karakter):</translation>
    </message>
    <message>
        <source>Admin passphrase changed</source>
        <translation>Frasa sandi admin diubah</translation>
    </message>
    <message>
        <source>API &amp;tokens…</source>
        <translation>&amp;Token API…</translation>
    </message>
    <message>
        <source>Create and revoke tokens for the HTTP API</source>
        <translation>Buat dan cabut token untuk API HTTP</translation>
    </message>
    <message>
        <source>Unlock admin to manage API tokens</source>
        <translation>Buka kunci admin untuk mengelola token API</translation>
    </message>
    <message>
        <source>API: not serving</source>
        <translation>API: tidak melayani</translation>
    </message>
    <message>
        <source>The HTTP API is not served: %1</source>
        <translation>API HTTP tidak dilayani: %1</translation>
    </message>
    <message>
        <source>HTTP API not served</source>
        <translation>API HTTP tidak dilayani</translation>
    </message>
    <message>
        <source>The dashboard could not serve the HTTP API.

%1

Choose another address in Configuration → HTTP API, or stop what uses this one.</source>
        <translation>Dasbor tidak dapat melayani API HTTP.

%1

Pilih alamat lain di Konfigurasi → API HTTP, atau hentikan yang memakai alamat ini.</translation>
    </message>
    <message>
        <source>API: %1</source>
        <translation>API: %1</translation>
    </message>
    <message>
        <source>The HTTP API is served from this dashboard (http.dashboard)</source>
        <translation>API HTTP dilayani dari dasbor ini (http.dashboard)</translation>
    </message>
    <message>
        <source>Machines</source>
        <translation>Mesin</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Notifikasi</translation>
    </message>
    <message>
        <source>%1 (read-only) — Heartbeat Dashboard</source>
        <translation>%1 (hanya baca) — Dasbor Heartbeat</translation>
    </message>
    <message>
        <source>Read-only: %1</source>
        <translation>Hanya baca: %1</translation>
    </message>
    <message>
        <source>Cannot read the file: %1</source>
        <translation>Berkas tidak dapat dibaca: %1</translation>
    </message>
    <message>
        <source>&amp;Open metrics…</source>
        <translation>Buka &amp;metrik…</translation>
    </message>
    <message>
        <source>Open a saved metrics.db read-only, in a window of its own (Ctrl+O)</source>
        <translation>Buka metrics.db tersimpan dalam mode hanya baca, di jendela tersendiri (Ctrl+O)</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>Buka te&amp;rbaru</translation>
    </message>
    <message>
        <source>&amp;Follow the file</source>
        <translation>&amp;Ikuti berkas</translation>
    </message>
    <message>
        <source>Keep reading what is added to the file, so the right edge stays live (Ctrl+F)</source>
        <translation>Terus membaca yang ditambahkan ke berkas, agar tepi kanan grafik tetap langsung (Ctrl+F)</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Tutup</translation>
    </message>
    <message>
        <source>Analysis</source>
        <translation>Analisis</translation>
    </message>
    <message>
        <source>&amp;Analysis</source>
        <translation>&amp;Analisis</translation>
    </message>
    <message>
        <source>Open metrics read-only</source>
        <translation>Buka metrik (hanya baca)</translation>
    </message>
    <message>
        <source>Metrics databases (*.db);;All files (*)</source>
        <translation>Basis data metrik (*.db);;Semua berkas (*)</translation>
    </message>
    <message>
        <source>Cannot open the file</source>
        <translation>Berkas tidak dapat dibuka</translation>
    </message>
    <message>
        <source>%1 cannot be opened.

%2</source>
        <translation>%1 tidak dapat dibuka.

%2</translation>
    </message>
    <message>
        <source>No recent files</source>
        <translation>Tidak ada berkas terbaru</translation>
    </message>
    <message>
        <source>Analysis (read only)</source>
        <translation>Analisis (hanya baca)</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Ringkasan</translation>
    </message>
    <message>
        <source>Custom &amp;range…</source>
        <translation>&amp;Rentang khusus…</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Ekspor</translation>
    </message>
    <message>
        <source>Per-task figures of the range (CSV)…</source>
        <translation>Angka per tugas dalam rentang (CSV)…</translation>
    </message>
    <message>
        <source>Runs shown in History (CSV)…</source>
        <translation>Jalan yang tampil di Riwayat (CSV)…</translation>
    </message>
    <message>
        <source>Audit entries of the range (CSV)…</source>
        <translation>Entri audit dalam rentang (CSV)…</translation>
    </message>
    <message>
        <source>Tick time chart (PNG)…</source>
        <translation>Grafik waktu detak (PNG)…</translation>
    </message>
    <message>
        <source>Success rate chart (PNG)…</source>
        <translation>Grafik tingkat keberhasilan (PNG)…</translation>
    </message>
    <message>
        <source>Cycles and memory chart (PNG)…</source>
        <translation>Grafik cycles dan memori (PNG)…</translation>
    </message>
    <message>
        <source>Shard load chart (PNG)…</source>
        <translation>Grafik beban shard (PNG)…</translation>
    </message>
    <message>
        <source>Save the chart</source>
        <translation>Simpan grafik</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>Gambar PNG (*.png)</translation>
    </message>
    <message>
        <source>The window (PNG)…</source>
        <translation>Jendela (PNG)…</translation>
    </message>
    <message>
        <source>Save the window</source>
        <translation>Simpan jendela</translation>
    </message>
    <message>
        <source>Maintenance &amp;report…</source>
        <translation>&amp;Laporan pemeliharaan…</translation>
    </message>
    <message>
        <source>Write the maintenance report</source>
        <translation>Tulis laporan pemeliharaan</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf);;Web pages (*.html)</source>
        <translation>Dokumen PDF (*.pdf);;Halaman web (*.html)</translation>
    </message>
    <message>
        <source>%1 done</source>
        <translation>%1 selesai</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>Ekspor CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Berkas CSV (*.csv)</translation>
    </message>
    <message>
        <source>Exporting the runs</source>
        <translation>Mengekspor jalannya tugas</translation>
    </message>
    <message>
        <source>Exporting the per-task figures</source>
        <translation>Mengekspor angka per tugas</translation>
    </message>
    <message>
        <source>Exporting the audit entries</source>
        <translation>Mengekspor entri audit</translation>
    </message>
    <message>
        <source>%1: cannot write (%2)</source>
        <translation>%1: tidak dapat ditulis (%2)</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Disimpan: %1</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Tidak disimpan</translation>
    </message>
    <message>
        <source>Writing the report</source>
        <translation>Menulis laporan</translation>
    </message>
    <message>
        <source>&amp;Compare ranges…</source>
        <translation>&amp;Bandingkan rentang…</translation>
    </message>
    <message>
        <source>Leave &amp;safe mode</source>
        <translation>Keluar dari mode &amp;aman</translation>
    </message>
    <message>
        <source>Run every enabled task again, not only the critical ones (admin)</source>
        <translation>Jalankan lagi semua tugas yang aktif, tidak hanya yang kritis (admin)</translation>
    </message>
    <message>
        <source>Leave safe mode</source>
        <translation>Keluar dari mode aman</translation>
    </message>
    <message>
        <source>Leave safe mode? Every enabled task runs again from the next tick, not only the critical ones.</source>
        <translation>Keluar dari mode aman? Semua tugas yang aktif berjalan lagi mulai tick berikutnya, tidak hanya yang kritis.</translation>
    </message>
</context>
<context>
    <name>hb::MemoryMonitoringTask</name>
    <message>
        <source>cannot read resident memory from /proc/self/statm</source>
        <translation>tidak dapat membaca memori residen dari /proc/self/statm</translation>
    </message>
    <message>
        <source>Memory use %1 is above the warning line of %2</source>
        <translation>Pemakaian memori %1 di atas batas peringatan %2</translation>
    </message>
</context>
<context>
    <name>hb::MetricsFile</name>
    <message>
        <source>the file is damaged (%1); restore a copy, or rescue what is left with `sqlite3 FILE .recover`</source>
        <translation>berkas rusak (%1); pulihkan dari salinan, atau selamatkan sisanya dengan `sqlite3 FILE .recover`</translation>
    </message>
    <message>
        <source>cannot read (%1)</source>
        <translation>tidak dapat dibaca (%1)</translation>
    </message>
    <message>
        <source>the file is empty, not a metrics database</source>
        <translation>berkas kosong, bukan basis data metrik</translation>
    </message>
    <message>
        <source>not an SQLite database, so not a metrics database</source>
        <translation>bukan basis data SQLite, jadi bukan basis data metrik</translation>
    </message>
    <message>
        <source>shorter than an SQLite header</source>
        <translation>lebih pendek dari header SQLite</translation>
    </message>
    <message>
        <source>no such file</source>
        <translation>berkas tidak ada</translation>
    </message>
    <message>
        <source>a folder, not a metrics database</source>
        <translation>sebuah folder, bukan basis data metrik</translation>
    </message>
    <message>
        <source>not a regular file, so not a metrics database</source>
        <translation>bukan berkas biasa, jadi bukan basis data metrik</translation>
    </message>
    <message>
        <source>%1 bytes where its header says %2: a truncated copy?</source>
        <translation>%1 byte, padahal header-nya menyebut %2: salinan yang terpotong?</translation>
    </message>
    <message>
        <source>written by a newer version of Heartbeat Dashboard (schema %1; this build reads up to %2); upgrade to open it</source>
        <translation>ditulis oleh versi Dasbor Heartbeat yang lebih baru (skema %1; versi ini membaca sampai %2); perbarui untuk membukanya</translation>
    </message>
    <message>
        <source>an empty SQLite database, not a metrics database</source>
        <translation>basis data SQLite kosong, bukan basis data metrik</translation>
    </message>
    <message>
        <source>an SQLite database of another program, not a metrics database (no schema version; tables missing: %1)</source>
        <translation>basis data SQLite milik program lain, bukan basis data metrik (tanpa versi skema; tabel yang tidak ada: %1)</translation>
    </message>
    <message>
        <source>not a complete metrics database (schema %1; tables missing: %2)</source>
        <translation>basis data metrik tidak lengkap (skema %1; tabel yang tidak ada: %2)</translation>
    </message>
    <message>
        <source>reading %1: %2</source>
        <translation>membaca %1: %2</translation>
    </message>
    <message>
        <source>cannot read %1 (%2)</source>
        <translation>%1 tidak dapat dibaca (%2)</translation>
    </message>
</context>
<context>
    <name>hb::MetricsPanel</name>
    <message>
        <source>Heartbeat metrics</source>
        <translation>Metrik heartbeat</translation>
    </message>
    <message>
        <source>Heartbeats</source>
        <translation>Detak</translation>
    </message>
    <message>
        <source>Executions</source>
        <translation>Eksekusi</translation>
    </message>
    <message>
        <source>Successful</source>
        <translation>Berhasil</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Gagal</translation>
    </message>
    <message>
        <source>Success rate</source>
        <translation>Tingkat keberhasilan</translation>
    </message>
    <message>
        <source>Average time</source>
        <translation>Waktu rata-rata</translation>
    </message>
    <message>
        <source>Peak time</source>
        <translation>Waktu puncak</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Dibatalkan</translation>
    </message>
    <message>
        <source>Last execution</source>
        <translation>Eksekusi terakhir</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Memori</translation>
    </message>
    <message>
        <source>Last error at</source>
        <translation>Galat terakhir pada</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Galat terakhir</translation>
    </message>
    <message>
        <source>none</source>
        <translation>tidak ada</translation>
    </message>
</context>
<context>
    <name>hb::MetricsStore</name>
    <message>
        <source>cannot write (%1)</source>
        <translation>tidak dapat menulis (%1)</translation>
    </message>
</context>
<context>
    <name>hb::NotificationsEditor</name>
    <message>
        <source>Webhook</source>
        <translation>Webhook</translation>
    </message>
    <message>
        <source>Telegram</source>
        <translation>Telegram</translation>
    </message>
    <message>
        <source>Desktop</source>
        <translation>Desktop</translation>
    </message>
    <message>
        <source>Machine down</source>
        <translation>Mesin mati</translation>
    </message>
    <message>
        <source>Machine up</source>
        <translation>Mesin hidup</translation>
    </message>
    <message>
        <source>Breaker opened</source>
        <translation>Pemutus terbuka</translation>
    </message>
    <message>
        <source>Breaker closed</source>
        <translation>Pemutus tertutup</translation>
    </message>
    <message>
        <source>Critical alert raised</source>
        <translation>Peringatan kritis muncul</translation>
    </message>
    <message>
        <source>Critical alert cleared</source>
        <translation>Peringatan kritis selesai</translation>
    </message>
    <message>
        <source>Emergency pause</source>
        <translation>Jeda darurat</translation>
    </message>
    <message>
        <source>Emergency resume</source>
        <translation>Jeda darurat berakhir</translation>
    </message>
    <message>
        <source>Metrics store failed</source>
        <translation>Penyimpanan metrik gagal</translation>
    </message>
    <message>
        <source>Info and above</source>
        <translation>Info ke atas</translation>
    </message>
    <message>
        <source>Warning and above</source>
        <translation>Peringatan ke atas</translation>
    </message>
    <message>
        <source>Critical only</source>
        <translation>Hanya kritis</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Tambah</translation>
    </message>
    <message>
        <source>Remo&amp;ve</source>
        <translation>Ha&amp;pus</translation>
    </message>
    <message>
        <source>Send to this channel</source>
        <translation>Kirim ke saluran ini</translation>
    </message>
    <message>
        <source>&amp;Generate</source>
        <translation>Buat &amp;acak</translation>
    </message>
    <message>
        <source>Every kind, including kinds added later</source>
        <translation>Semua jenis, termasuk jenis yang ditambahkan nanti</translation>
    </message>
    <message>
        <source>The receiver checks the webhook-signature header with this key (Standard Webhooks)</source>
        <translation>Penerima memeriksa header webhook-signature dengan kunci ini (Standard Webhooks)</translation>
    </message>
    <message>
        <source>Make a new random key; give the receiver the same one</source>
        <translation>Buat kunci acak baru; berikan kunci yang sama kepada penerima</translation>
    </message>
    <message>
        <source>Shown by the dashboard&apos;s tray icon while the dashboard runs.</source>
        <translation>Ditampilkan oleh ikon baki dasbor selama dasbor berjalan.</translation>
    </message>
    <message>
        <source>While the condition lasts, send it again this often: e.g. 30m, 2h; “off” sends it once</source>
        <translation>Selama keadaan itu berlangsung, kirim lagi sesering ini: mis. 30m, 2h; “off” mengirimnya sekali saja</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nama:</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>Tipe:</translation>
    </message>
    <message>
        <source>&amp;URL:</source>
        <translation>&amp;URL:</translation>
    </message>
    <message>
        <source>&amp;Secret:</source>
        <translation>&amp;Rahasia:</translation>
    </message>
    <message>
        <source>&amp;Bot token:</source>
        <translation>Token &amp;bot:</translation>
    </message>
    <message>
        <source>&amp;Chat ID:</source>
        <translation>ID &amp;chat:</translation>
    </message>
    <message>
        <source>API &amp;base URL:</source>
        <translation>URL &amp;dasar API:</translation>
    </message>
    <message>
        <source>Kinds:</source>
        <translation>Jenis:</translation>
    </message>
    <message>
        <source>&amp;Lowest severity:</source>
        <translation>&amp;Keparahan terendah:</translation>
    </message>
    <message>
        <source>&amp;Resend every:</source>
        <translation>Kirim &amp;lagi setiap:</translation>
    </message>
    <message>
        <source>No channels: nothing is sent. Add a webhook, a Telegram chat or the desktop tray.</source>
        <translation>Tidak ada saluran: tidak ada yang dikirim. Tambahkan webhook, chat Telegram, atau baki desktop.</translation>
    </message>
    <message>
        <source>off</source>
        <translation>mati</translation>
    </message>
    <message>
        <source>%1 (off)</source>
        <translation>%1 (nonaktif)</translation>
    </message>
    <message>
        <source>write a length such as 30m or 2h, or “off”</source>
        <translation>tulis lama waktu seperti 30m atau 2h, atau “off”</translation>
    </message>
    <message>
        <source>Channel “%1”: </source>
        <translation>Saluran “%1”: </translation>
    </message>
    <message>
        <source>Dependency rules</source>
        <translation>Aturan ketergantungan</translation>
    </message>
</context>
<context>
    <name>hb::NotificationsPanel</name>
    <message>
        <source>sent</source>
        <translation>terkirim</translation>
    </message>
    <message>
        <source>retrying</source>
        <translation>diulang</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>gagal</translation>
    </message>
    <message>
        <source>silenced</source>
        <translation>disenyapkan</translation>
    </message>
    <message>
        <source>held</source>
        <translation>ditahan</translation>
    </message>
    <message>
        <source>machine %1</source>
        <translation>mesin %1</translation>
    </message>
    <message>
        <source>task %1</source>
        <translation>tugas %1</translation>
    </message>
    <message>
        <source>kind %1</source>
        <translation>jenis %1</translation>
    </message>
    <message>
        <source>everything</source>
        <translation>semuanya</translation>
    </message>
    <message>
        <source>New silence</source>
        <translation>Senyap baru</translation>
    </message>
    <message>
        <source>Why, e.g. &quot;relay maintenance&quot;</source>
        <translation>Alasannya, mis. &quot;pemeliharaan relay&quot;</translation>
    </message>
    <message>
        <source>any machine</source>
        <translation>mesin apa saja</translation>
    </message>
    <message>
        <source>any task</source>
        <translation>tugas apa saja</translation>
    </message>
    <message>
        <source>any kind</source>
        <translation>jenis apa saja</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>Dari:</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>Sampai:</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Alasan:</translation>
    </message>
    <message>
        <source>Machine:</source>
        <translation>Mesin:</translation>
    </message>
    <message>
        <source>Task:</source>
        <translation>Tugas:</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Jenis:</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Buat</translation>
    </message>
    <message>
        <source>A silence needs a reason.</source>
        <translation>Senyap memerlukan alasan.</translation>
    </message>
    <message>
        <source>It must end after it starts.</source>
        <translation>Harus berakhir setelah dimulai.</translation>
    </message>
    <message>
        <source>It must end in the future.</source>
        <translation>Harus berakhir di masa depan.</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Waktu</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Jenis</translation>
    </message>
    <message>
        <source>Attempt</source>
        <translation>Percobaan</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Galat</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Dari</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Sampai</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Alasan</translation>
    </message>
    <message>
        <source>Matches</source>
        <translation>Cocok dengan</translation>
    </message>
    <message>
        <source>Created by</source>
        <translation>Dibuat oleh</translation>
    </message>
    <message>
        <source>New silence…</source>
        <translation>Senyap baru…</translation>
    </message>
    <message>
        <source>End now</source>
        <translation>Akhiri sekarang</translation>
    </message>
    <message>
        <source>Delivery log</source>
        <translation>Log pengiriman</translation>
    </message>
    <message>
        <source>Silences</source>
        <translation>Senyap</translation>
    </message>
    <message>
        <source>The delivery log could not be read: %1</source>
        <translation>Log pengiriman tidak dapat dibaca: %1</translation>
    </message>
    <message>
        <source>The silences could not be read: %1</source>
        <translation>Senyap tidak dapat dibaca: %1</translation>
    </message>
    <message>
        <source>Upcoming</source>
        <translation>Akan datang</translation>
    </message>
    <message>
        <source>Unlock admin to change silences</source>
        <translation>Buka kunci admin untuk mengubah senyap</translation>
    </message>
    <message>
        <source>End silence</source>
        <translation>Akhiri senyap</translation>
    </message>
    <message>
        <source>End the silence “%1” now? Notifications it matches are sent again from now on.</source>
        <translation>Akhiri senyap “%1” sekarang? Notifikasi yang cocok dengannya dikirim lagi mulai sekarang.</translation>
    </message>
    <message>
        <source>Load older</source>
        <translation>Muat yang lebih lama</translation>
    </message>
    <message>
        <source>Every delivery is shown</source>
        <translation>Semua pengiriman sudah ditampilkan</translation>
    </message>
    <message>
        <source>Show the %1 deliveries before these</source>
        <translation>Tampilkan %1 pengiriman sebelum ini</translation>
    </message>
    <message>
        <source>Repeat on a schedule</source>
        <translation>Ulangi sesuai jadwal</translation>
    </message>
    <message>
        <source>cron, e.g. 0 2 * * sun</source>
        <translation>cron, mis. 0 2 * * sun</translation>
    </message>
    <message>
        <source>each time, e.g. 2h</source>
        <translation>tiap kali, mis. 2h</translation>
    </message>
    <message>
        <source>this machine&apos;s zone</source>
        <translation>zona mesin ini</translation>
    </message>
    <message>
        <source>Runs at:</source>
        <translation>Berlaku pada:</translation>
    </message>
    <message>
        <source>Lasts:</source>
        <translation>Lamanya:</translation>
    </message>
    <message>
        <source>Time zone:</source>
        <translation>Zona waktu:</translation>
    </message>
    <message>
        <source>Runs at: position %1: %2</source>
        <translation>Berlaku pada: posisi %1: %2</translation>
    </message>
    <message>
        <source>Lasts: from 1m to 7d, e.g. 30m or 2h.</source>
        <translation>Lamanya: dari 1m hingga 7d, mis. 30m atau 2h.</translation>
    </message>
    <message>
        <source>Time zone: unknown zone %1.</source>
        <translation>Zona waktu: zona %1 tidak dikenal.</translation>
    </message>
    <message>
        <source>Next: %1 to %2</source>
        <translation>Berikutnya: %1 sampai %2</translation>
    </message>
    <message>
        <source>It never falls between From and To.</source>
        <translation>Tidak pernah jatuh di antara Dari dan Sampai.</translation>
    </message>
    <message>
        <source>%1, every %2 for %3%4</source>
        <translation>%1, tiap %2 selama %3%4</translation>
    </message>
</context>
<context>
    <name>hb::NotifierWorker</name>
    <message>
        <source>the channel is no longer configured</source>
        <translation>kanal ini tidak lagi dikonfigurasi</translation>
    </message>
    <message>
        <source>the channel was removed from the configuration</source>
        <translation>kanal ini telah dihapus dari konfigurasi</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n dependent alert(s) held)</source>
        <translation>
            <numerusform>%1 (%n peringatan turunan ditahan)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is active</source>
        <translation>%1 aktif</translation>
    </message>
    <message>
        <source>Held while %1 was active; it is over, this is not.</source>
        <translation>Ditahan selama %1 aktif; itu sudah berakhir, yang ini belum.</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n dependent alert(s) were held)</source>
        <translation>
            <numerusform>%1 (%n peringatan turunan telah ditahan)</numerusform>
        </translation>
    </message>
    <message>
        <source>held under %1</source>
        <translation>ditahan di bawah %1</translation>
    </message>
    <message>
        <source>silenced until %1: %2</source>
        <translation>disenyapkan sampai %1: %2</translation>
    </message>
    <message>
        <source>%1 is still active</source>
        <translation>%1 masih aktif</translation>
    </message>
    <message>
        <source>no answer within %1 ms</source>
        <translation>tidak ada jawaban dalam %1 ms</translation>
    </message>
    <message>
        <source>HTTP %1 %2</source>
        <translation>HTTP %1 %2</translation>
    </message>
</context>
<context>
    <name>hb::Oracle</name>
    <message>
        <source>demo feed: simulated outage (HTTP 503 Service Unavailable)</source>
        <translation>umpan demo: gangguan simulasi (HTTP 503 Service Unavailable)</translation>
    </message>
    <message>
        <source>is a directory</source>
        <translation>adalah direktori</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1 tidak dapat dibaca: %2</translation>
    </message>
    <message>
        <source>%1 is larger than the limit of %2 bytes</source>
        <translation>%1 lebih besar dari batas %2 byte</translation>
    </message>
    <message>
        <source>the response is larger than the limit of %1 bytes</source>
        <translation>jawaban lebih besar dari batas %1 byte</translation>
    </message>
    <message>
        <source>HTTP %1: redirect to %2 not followed</source>
        <translation>HTTP %1: pengalihan ke %2 tidak diikuti</translation>
    </message>
    <message>
        <source>HTTP %1 %2</source>
        <translation>HTTP %1 %2</translation>
    </message>
    <message>
        <source>the response of %1 bytes is larger than the limit of %2 bytes</source>
        <translation>jawaban %1 byte lebih besar dari batas %2 byte</translation>
    </message>
    <message>
        <source>the response was truncated (%1 of %2 bytes)</source>
        <translation>jawaban terpotong (%1 dari %2 byte)</translation>
    </message>
    <message>
        <source>request failed: %1</source>
        <translation>permintaan gagal: %1</translation>
    </message>
    <message>
        <source>TLS error: %1</source>
        <translation>galat TLS: %1</translation>
    </message>
    <message>
        <source>timed out after %1 ms</source>
        <translation>melewati batas waktu setelah %1 ms</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>dibatalkan</translation>
    </message>
    <message>
        <source>(an array)</source>
        <translation>(sebuah array)</translation>
    </message>
    <message>
        <source>(an object)</source>
        <translation>(sebuah objek)</translation>
    </message>
    <message>
        <source>%1: price is missing</source>
        <translation>%1: harga tidak ada</translation>
    </message>
    <message>
        <source>%1: price %2 is not a number</source>
        <translation>%1: harga %2 bukan angka</translation>
    </message>
    <message>
        <source>%1: price %2 is not positive</source>
        <translation>%1: harga %2 tidak positif</translation>
    </message>
    <message>
        <source>%1: price %2 is above the ceiling of %3</source>
        <translation>%1: harga %2 di atas batas %3</translation>
    </message>
    <message>
        <source>%1: price %2 moved %3% from the reference price %4 (more than %5%)</source>
        <translation>%1: harga %2 bergeser %3% dari harga acuan %4 (lebih dari %5%)</translation>
    </message>
    <message>
        <source>%1: timestamp_ms is missing</source>
        <translation>%1: timestamp_ms tidak ada</translation>
    </message>
    <message>
        <source>%1: timestamp_ms %2 is not an integer</source>
        <translation>%1: timestamp_ms %2 bukan bilangan bulat</translation>
    </message>
    <message>
        <source>%1: timestamp_ms %2 is before 2001 (seconds, not milliseconds?)</source>
        <translation>%1: timestamp_ms %2 sebelum 2001 (detik, bukan milidetik?)</translation>
    </message>
    <message>
        <source>%1: timestamp_ms %2 is %3 s in the future</source>
        <translation>%1: timestamp_ms %2 berada %3 dtk di masa depan</translation>
    </message>
    <message>
        <source>%1: source %2 is not a string</source>
        <translation>%1: sumber %2 bukan teks</translation>
    </message>
    <message>
        <source>not valid JSON: %1 at byte %2</source>
        <translation>bukan JSON yang sah: %1 pada byte %2</translation>
    </message>
    <message>
        <source>the document is not a JSON object</source>
        <translation>dokumen bukan objek JSON</translation>
    </message>
    <message>
        <source>the document has no &quot;prices&quot; array</source>
        <translation>dokumen tidak punya array &quot;prices&quot;</translation>
    </message>
    <message>
        <source>prices[%1]: not an object</source>
        <translation>prices[%1]: bukan objek</translation>
    </message>
    <message>
        <source>prices[%1]: commodity is missing</source>
        <translation>prices[%1]: komoditas tidak ada</translation>
    </message>
    <message>
        <source>prices[%1]: commodity %2 is not a non-empty string</source>
        <translation>prices[%1]: komoditas %2 bukan teks yang tidak kosong</translation>
    </message>
    <message>
        <source>%1: listed %2 times</source>
        <translation>%1: tercantum %2 kali</translation>
    </message>
    <message>
        <source>%1: no price in the response</source>
        <translation>%1: tidak ada harga dalam jawaban</translation>
    </message>
</context>
<context>
    <name>hb::PassphraseFile</name>
    <message>
        <source>cannot read (%1)</source>
        <translation>tidak dapat dibaca (%1)</translation>
    </message>
    <message>
        <source>not a valid passphrase file</source>
        <translation>bukan berkas frasa sandi yang sah</translation>
    </message>
    <message>
        <source>the passphrase must have at least %1 characters</source>
        <translation>frasa sandi harus minimal %1 karakter</translation>
    </message>
    <message>
        <source>cannot save (%1)</source>
        <translation>tidak dapat disimpan (%1)</translation>
    </message>
</context>
<context>
    <name>hb::RangeCompareModel</name>
    <message>
        <source>≈ %1</source>
        <comment>an estimated duration</comment>
        <translation>≈ %1</translation>
    </message>
    <message>
        <source>%1 pp</source>
        <comment>percentage points</comment>
        <translation>%1 pp</translation>
    </message>
    <message>
        <source>%1 (%2 %)</source>
        <comment>a change and its percentage</comment>
        <translation>%1 (%2 %)</translation>
    </message>
    <message>
        <source>All tasks</source>
        <translation>Semua tugas</translation>
    </message>
    <message>
        <source>Estimated from the rollups: whole minutes or hours around the range; percentiles from duration histograms, within one histogram bucket.</source>
        <translation>Diperkirakan dari ringkasan per menit dan per jam: menit atau jam utuh di sekitar rentang; persentil dari histogram durasi, dengan ketelitian satu kelas histogram.</translation>
    </message>
    <message>
        <source>Not available: no runs, or this part of the file predates duration histograms and its raw rows are gone.</source>
        <translation>Tidak tersedia: tidak ada jalan, atau bagian berkas ini lebih tua dari histogram durasi dan baris mentahnya sudah dihapus.</translation>
    </message>
    <message>
        <source>Range A: %1 – %2</source>
        <translation>Rentang A: %1 – %2</translation>
    </message>
    <message>
        <source>Range B: %1 – %2</source>
        <translation>Rentang B: %1 – %2</translation>
    </message>
    <message>
        <source>A − B, and its percentage of B</source>
        <translation>A − B, dan persentasenya terhadap B</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Tugas</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Jalan</translation>
    </message>
    <message>
        <source>Failure rate</source>
        <translation>Rasio gagal</translation>
    </message>
    <message>
        <source>p50</source>
        <translation>p50</translation>
    </message>
    <message>
        <source>p95</source>
        <translation>p95</translation>
    </message>
    <message>
        <source>Max</source>
        <translation>Maks</translation>
    </message>
    <message>
        <source>%1 (A)</source>
        <translation>%1 (A)</translation>
    </message>
    <message>
        <source>%1 (B)</source>
        <translation>%1 (B)</translation>
    </message>
    <message>
        <source>%1 change</source>
        <translation>Δ %1</translation>
    </message>
</context>
<context>
    <name>hb::RecordedSource</name>
    <message>
        <source>nothing new in %1 (no engine is writing it)</source>
        <translation>tidak ada yang baru di %1 (tidak ada mesin yang menulisnya)</translation>
    </message>
</context>
<context>
    <name>hb::RemoteSource</name>
    <message>
        <source>the engine does not answer</source>
        <translation>mesin tidak menjawab</translation>
    </message>
    <message>
        <source>connecting to %1</source>
        <translation>menghubungkan ke %1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a URL</source>
        <translation>&quot;%1&quot; bukan URL</translation>
    </message>
    <message>
        <source>%1 is not an http:// or https:// address</source>
        <translation>%1 bukan alamat http:// atau https://</translation>
    </message>
    <message>
        <source>%1 names no host</source>
        <translation>%1 tidak menyebut host</translation>
    </message>
    <message>
        <source>the engine answered with %1, not an event stream</source>
        <translation>mesin menjawab %1, bukan aliran peristiwa</translation>
    </message>
    <message>
        <source>the engine closed the connection</source>
        <translation>mesin menutup koneksi</translation>
    </message>
    <message>
        <source>the token was refused (wrong or revoked)</source>
        <translation>token ditolak (salah atau dicabut)</translation>
    </message>
    <message>
        <source>the engine speaks API version %1; this wall understands %2</source>
        <translation>mesin memakai API versi %1; layar ini memahami %2</translation>
    </message>
    <message>
        <source>the engine answered HTTP %1</source>
        <translation>mesin menjawab HTTP %1</translation>
    </message>
    <message>
        <source>%1 has no Heartbeat event stream (HTTP 404)</source>
        <translation>%1 tidak punya aliran peristiwa Heartbeat (HTTP 404)</translation>
    </message>
    <message>
        <source>connection refused</source>
        <translation>koneksi ditolak</translation>
    </message>
    <message>
        <source>host %1 not found</source>
        <translation>host %1 tidak ditemukan</translation>
    </message>
    <message>
        <source>the TLS handshake failed: %1</source>
        <translation>jabat tangan TLS gagal: %1</translation>
    </message>
    <message numerus="yes">
        <source>no update from the engine for %n s</source>
        <translation>
            <numerusform>tak ada pembaruan dari mesin selama %n dtk</numerusform>
        </translation>
    </message>
    <message>
        <source>not a JSON object</source>
        <translation>bukan objek JSON</translation>
    </message>
    <message>
        <source>the engine sent an %1 event this wall cannot read: %2</source>
        <translation>mesin mengirim peristiwa %1 yang tak terbaca layar ini: %2</translation>
    </message>
    <message>
        <source>the engine sent a snapshot this wall cannot read: %1</source>
        <translation>mesin mengirim snapshot yang tak terbaca layar ini: %1</translation>
    </message>
    <message>
        <source>expected an array</source>
        <translation>seharusnya array</translation>
    </message>
    <message>
        <source>expected an object</source>
        <translation>seharusnya objek</translation>
    </message>
    <message>
        <source>the engine sent records this wall cannot read: %1</source>
        <translation>mesin mengirim catatan yang tak terbaca layar ini: %1</translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message>
        <source>a page larger than %1 bytes</source>
        <translation>halaman lebih dari %1 bita</translation>
    </message>
    <message>
        <source>not a page of %1</source>
        <translation>bukan halaman dari %1</translation>
    </message>
</context>
<context>
    <name>hb::ReplayBar</name>
    <message>
        <source>Pause</source>
        <translation>Jeda</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Putar</translation>
    </message>
    <message>
        <source>Play or pause the replay (Space); Left and Right step</source>
        <translation>Putar atau jeda pemutaran ulang (Spasi); Kiri dan Kanan: mundur/maju selangkah</translation>
    </message>
    <message>
        <source>The moment the panels show</source>
        <translation>Momen yang ditampilkan panel</translation>
    </message>
    <message>
        <source>Replay moment</source>
        <translation>Momen putar ulang</translation>
    </message>
    <message>
        <source>Replay speed</source>
        <translation>Kecepatan pemutaran ulang</translation>
    </message>
    <message>
        <source>%1×</source>
        <translation>%1×</translation>
    </message>
</context>
<context>
    <name>hb::ReplayController</name>
    <message>
        <source>Cannot replay %1: %2</source>
        <translation>%1 tidak dapat diputar ulang: %2</translation>
    </message>
</context>
<context>
    <name>hb::ResourceChart</name>
    <message>
        <source>Cycles &amp; memory</source>
        <translation>Cycles &amp; memori</translation>
    </message>
    <message>
        <source>Cycles</source>
        <translation>Cycles</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Memori</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>Peringatan</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>Kritis</translation>
    </message>
    <message>
        <source>Mem. limit</source>
        <translation>Batas mem.</translation>
    </message>
</context>
<context>
    <name>hb::RulesEditor</name>
    <message>
        <source>Add r&amp;ule</source>
        <translation>Ta&amp;mbah aturan</translation>
    </message>
    <message>
        <source>Remove ru&amp;le</source>
        <translation>&amp;Hapus aturan</translation>
    </message>
    <message>
        <source>De&amp;faults</source>
        <translation>Ba&amp;waan</translation>
    </message>
    <message>
        <source>Root cause</source>
        <translation>Akar masalah</translation>
    </message>
    <message>
        <source>Holds the alerts of</source>
        <translation>Menahan peringatan dari</translation>
    </message>
    <message>
        <source>“oracle_down”, or “machine:NAME” for a machine that is down</source>
        <translation>“oracle_down”, atau “machine:NAMA” untuk mesin yang mati</translation>
    </message>
    <message>
        <source>Task names separated by commas: %1</source>
        <translation>Nama tugas dipisahkan koma: %1</translation>
    </message>
    <message>
        <source>The built-in rule: oracle down holds price_update and auto_liquidation</source>
        <translation>Aturan bawaan: oracle mati menahan price_update dan auto_liquidation</translation>
    </message>
    <message>
        <source>While a root cause lasts, the alerts of the tasks it holds are shown under it and not sent on their own.</source>
        <translation>Selama akar masalah berlangsung, peringatan dari tugas yang ditahannya ditampilkan di bawahnya dan tidak dikirim sendiri.</translation>
    </message>
    <message>
        <source>Rule %1: %2</source>
        <translation>Aturan %1: %2</translation>
    </message>
</context>
<context>
    <name>hb::ScheduleEditor</name>
    <message>
        <source>Every tick</source>
        <translation>Tiap tick</translation>
    </message>
    <message>
        <source>Interval</source>
        <translation>Interval</translation>
    </message>
    <message>
        <source>Cron expression</source>
        <translation>Ekspresi cron</translation>
    </message>
    <message>
        <source>Once</source>
        <translation>Sekali</translation>
    </message>
    <message>
        <source>e.g. 90s, 5m, 2h or 1d</source>
        <translation>mis. 90s, 5m, 2h atau 1d</translation>
    </message>
    <message>
        <source>minute hour day month weekday, e.g. 0 3 * * *</source>
        <translation>menit jam tanggal bulan hari, mis. 0 3 * * *</translation>
    </message>
    <message>
        <source>this machine&apos;s (%1)</source>
        <translation>milik mesin ini (%1)</translation>
    </message>
    <message>
        <source>always; or e.g. 09:00-21:00</source>
        <translation>selalu; atau mis. 09:00-21:00</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Run once right away</source>
        <translation>Jalankan sekali segera</translation>
    </message>
    <message>
        <source>Skip them</source>
        <translation>Lewati</translation>
    </message>
    <message>
        <source>Run each (at most %1)</source>
        <translation>Jalankan masing-masing (paling banyak %1)</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Berjalan</translation>
    </message>
    <message>
        <source>Every</source>
        <translation>Tiap</translation>
    </message>
    <message>
        <source>Cron</source>
        <translation>Cron</translation>
    </message>
    <message>
        <source>At</source>
        <translation>Pada</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Zona waktu</translation>
    </message>
    <message>
        <source>Active hours</source>
        <translation>Jam aktif</translation>
    </message>
    <message>
        <source>Jitter</source>
        <translation>Jitter</translation>
    </message>
    <message>
        <source>Missed runs</source>
        <translation>Jalan terlewat</translation>
    </message>
    <message>
        <source>Next runs</source>
        <translation>Jalan berikutnya</translation>
    </message>
    <message>
        <source>%1 — needs fixing</source>
        <translation>%1 — perlu diperbaiki</translation>
    </message>
    <message>
        <source>No runs to show until the schedule is fixed.</source>
        <translation>Tidak ada jalan yang ditampilkan sampai jadwal diperbaiki.</translation>
    </message>
    <message>
        <source>Runs at every tick of the engine.</source>
        <translation>Berjalan pada setiap tick engine.</translation>
    </message>
    <message>
        <source>this machine&apos;s zone, %1</source>
        <translation>zona mesin ini, %1</translation>
    </message>
    <message>
        <source>No run to come.</source>
        <translation>Tidak ada jalan mendatang.</translation>
    </message>
    <message>
        <source>Times in %1:</source>
        <translation>Waktu dalam %1:</translation>
    </message>
    <message>
        <source>Each run may start up to %1 s later (jitter).</source>
        <translation>Tiap jalan bisa mulai hingga %1 s lebih lambat (jitter).</translation>
    </message>
    <message>
        <source>Only inside the active hours %1; runs outside them are skipped.</source>
        <translation>Hanya di dalam jam aktif %1; jalan di luarnya dilewati.</translation>
    </message>
</context>
<context>
    <name>hb::ShardChart</name>
    <message>
        <source>Shard load</source>
        <translation>Beban shard</translation>
    </message>
    <message>
        <source>Shards</source>
        <translation>Shard</translation>
    </message>
    <message>
        <source>Shard %1</source>
        <translation>Shard %1</translation>
    </message>
    <message>
        <source>Shards, least to most loaded</source>
        <translation>Rentang beban</translation>
    </message>
    <message>
        <source>Shards, mean load</source>
        <translation>Beban rata-rata</translation>
    </message>
    <message>
        <source>%1 · Shard load: min %2, mean %3, max %4</source>
        <translation>%1 · Beban shard: min %2, rata-rata %3, maks %4</translation>
    </message>
</context>
<context>
    <name>hb::SharedJsonFile</name>
    <message>
        <source>cannot read (%1)</source>
        <translation>tidak bisa dibaca (%1)</translation>
    </message>
    <message>
        <source>not valid JSON: %1 at byte %2</source>
        <translation>bukan JSON yang sah: %1 pada byte %2</translation>
    </message>
    <message>
        <source>not a JSON object</source>
        <translation>bukan objek JSON</translation>
    </message>
    <message>
        <source>version: expected a whole number</source>
        <translation>version: seharusnya bilangan bulat</translation>
    </message>
    <message>
        <source>written by a newer version of Heartbeat (format %1; this version reads %2)</source>
        <translation>ditulis oleh versi Heartbeat yang lebih baru (format %1; versi ini membaca %2)</translation>
    </message>
    <message>
        <source>version: unknown format %1</source>
        <translation>version: format %1 tidak dikenal</translation>
    </message>
    <message>
        <source>expected an array</source>
        <translation>seharusnya array</translation>
    </message>
    <message>
        <source>cannot save (%1)</source>
        <translation>tidak bisa disimpan (%1)</translation>
    </message>
    <message>
        <source>cannot make it private</source>
        <translation>tidak bisa dijadikan privat</translation>
    </message>
    <message>
        <source>the data directory does not exist</source>
        <translation>direktori data tidak ada</translation>
    </message>
    <message>
        <source>being changed by another process (pid %1)</source>
        <translation>sedang diubah oleh proses lain (pid %1)</translation>
    </message>
    <message>
        <source>cannot lock (the data directory is not writable)</source>
        <translation>tidak bisa dikunci (direktori data tidak bisa ditulisi)</translation>
    </message>
</context>
<context>
    <name>hb::SseStream</name>
    <message>
        <source>a line of the event stream is longer than %1 bytes</source>
        <translation>satu baris aliran peristiwa lebih dari %1 bita</translation>
    </message>
    <message>
        <source>an event of the event stream is larger than %1 bytes</source>
        <translation>satu peristiwa aliran peristiwa lebih dari %1 bita</translation>
    </message>
</context>
<context>
    <name>hb::SuccessChart</name>
    <message>
        <source>Success rate</source>
        <translation>Tingkat keberhasilan</translation>
    </message>
    <message>
        <source>Success</source>
        <translation>Berhasil</translation>
    </message>
</context>
<context>
    <name>hb::SummaryPanel</name>
    <message>
        <source>Task</source>
        <translation>Tugas</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Jalan</translation>
    </message>
    <message>
        <source>Failure rate</source>
        <translation>Tingkat kegagalan</translation>
    </message>
    <message>
        <source>p50</source>
        <translation>p50</translation>
    </message>
    <message>
        <source>p95</source>
        <translation>p95</translation>
    </message>
    <message>
        <source>p99</source>
        <translation>p99</translation>
    </message>
    <message>
        <source>Max</source>
        <translation>Maks</translation>
    </message>
    <message>
        <source>Computing the figures of %1 – %2…</source>
        <translation>Menghitung angka %1 – %2…</translation>
    </message>
    <message>
        <source>Cannot compute the figures: %1</source>
        <translation>Angka tidak dapat dihitung: %1</translation>
    </message>
    <message>
        <source>All tasks</source>
        <translation>Semua tugas</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %n runs · exact: from every run of the range</source>
        <translation>
            <numerusform>%1 · %n jalan · tepat: dari setiap jalan dalam rentang</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · percentiles estimated from the per-minute and per-hour histograms (≈), over whole buckets %2 – %3</source>
        <translation>%1 · persentil diperkirakan dari histogram per menit dan per jam (≈), atas menit atau jam utuh %2 – %3</translation>
    </message>
    <message>
        <source>%1 · percentiles unavailable: this part of the file was written before duration histograms were kept</source>
        <translation>%1 · persentil tidak tersedia: bagian berkas ini ditulis sebelum histogram durasi disimpan</translation>
    </message>
</context>
<context>
    <name>hb::SystemHealth</name>
    <message>
        <source>No heartbeat for %1 s: the last tick started at %2 (the limit is %3 s)</source>
        <translation>Tidak ada detak selama %1 s: tick terakhir mulai pukul %2 (batasnya %3 s)</translation>
    </message>
    <message>
        <source>%1 runs failed in the last 24 hours (the limit is %2)</source>
        <translation>%1 jalan gagal dalam 24 jam terakhir (batasnya %2)</translation>
    </message>
</context>
<context>
    <name>hb::TaskSchedule</name>
    <message>
        <source>an object</source>
        <translation>sebuah objek</translation>
    </message>
    <message>
        <source>an array</source>
        <translation>sebuah array</translation>
    </message>
    <message>
        <source>every tick</source>
        <translation>tiap tick</translation>
    </message>
    <message>
        <source>every %1</source>
        <translation>tiap %1</translation>
    </message>
    <message>
        <source>cron %1</source>
        <translation>cron %1</translation>
    </message>
    <message>
        <source>cron %1 (%2)</source>
        <translation>cron %1 (%2)</translation>
    </message>
    <message>
        <source>once at %1</source>
        <translation>sekali pada %1</translation>
    </message>
    <message>
        <source>active %1</source>
        <translation>aktif %1</translation>
    </message>
    <message>
        <source>unknown time zone &quot;%1&quot; (an IANA name such as Asia/Jakarta)</source>
        <translation>zona waktu &quot;%1&quot; tidak dikenal (nama IANA seperti Asia/Jakarta)</translation>
    </message>
    <message>
        <source>must be between 1s and 366d, written like 90s, 5m, 2h or 1d</source>
        <translation>harus antara 1s dan 366d, ditulis seperti 90s, 5m, 2h atau 1d</translation>
    </message>
    <message>
        <source>position %1: %2</source>
        <translation>posisi %1: %2</translation>
    </message>
    <message>
        <source>must be a date and time, e.g. 2026-12-24T02:00:00+07:00</source>
        <translation>harus berupa tanggal dan waktu, mis. 2026-12-24T02:00:00+07:00</translation>
    </message>
    <message>
        <source>must be HH:MM-HH:MM, 24-hour, two different times (got &quot;%1&quot;)</source>
        <translation>harus HH:MM-HH:MM, 24 jam, dua waktu yang berbeda (didapat &quot;%1&quot;)</translation>
    </message>
    <message>
        <source>must be a whole number of seconds between 0 and %1</source>
        <translation>harus bilangan bulat detik antara 0 dan %1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is for price_update only (it needs a price source)</source>
        <translation>&quot;%1&quot; hanya untuk price_update (perlu sumber harga)</translation>
    </message>
    <message>
        <source>must be an integer between 0 and %1</source>
        <translation>harus bilangan bulat antara 0 dan %1</translation>
    </message>
    <message>
        <source>must be an integer between 10 and 600000</source>
        <translation>harus bilangan bulat antara 10 dan 600000</translation>
    </message>
    <message>
        <source>must be an integer between retry_base_ms (%1) and 3600000</source>
        <translation>harus bilangan bulat antara retry_base_ms (%1) dan 3600000</translation>
    </message>
    <message>
        <source>must be true, false or an object with &quot;enabled&quot; and a schedule (got %1)</source>
        <translation>harus true, false atau objek dengan &quot;enabled&quot; dan jadwal (didapat %1)</translation>
    </message>
    <message>
        <source>must be a string (got %1)</source>
        <translation>harus berupa teks (didapat %1)</translation>
    </message>
    <message>
        <source>unknown field (known: %1)</source>
        <translation>kolom tidak dikenal (yang dikenal: %1)</translation>
    </message>
    <message>
        <source>must be true or false (got %1)</source>
        <translation>harus true atau false (didapat %1)</translation>
    </message>
    <message>
        <source>must be one of %1 (got &quot;%2&quot;)</source>
        <translation>harus salah satu dari %1 (didapat &quot;%2&quot;)</translation>
    </message>
    <message>
        <source>is required when schedule is &quot;%1&quot;</source>
        <translation>wajib ada jika schedule adalah &quot;%1&quot;</translation>
    </message>
    <message>
        <source>must be a number and a unit: 90s, 5m, 2h or 1d (got &quot;%1&quot;)</source>
        <translation>harus angka dan satuan: 90s, 5m, 2h atau 1d (didapat &quot;%1&quot;)</translation>
    </message>
    <message>
        <source>must be an ISO 8601 date and time, e.g. 2026-12-24T02:00:00+07:00 (got &quot;%1&quot;)</source>
        <translation>harus tanggal dan waktu ISO 8601, mis. 2026-12-24T02:00:00+07:00 (didapat &quot;%1&quot;)</translation>
    </message>
    <message>
        <source>must be a whole number of seconds between 0 and %1 (got %2)</source>
        <translation>harus bilangan bulat detik antara 0 dan %1 (didapat %2)</translation>
    </message>
    <message>
        <source>must be a whole number (got %1)</source>
        <translation>harus bilangan bulat (didapat %1)</translation>
    </message>
    <message>
        <source>outside active hours %1</source>
        <translation>di luar jam aktif %1</translation>
    </message>
    <message>
        <source>still running</source>
        <translation>masih berjalan</translation>
    </message>
    <message>
        <source>catch-up run (%1 more to go)</source>
        <translation>jalan susulan (%1 lagi)</translation>
    </message>
    <message>
        <source>missed %1 run(s) since %2; skipped (misfire policy skip)</source>
        <translation>%1 jalan terlewat sejak %2; dilewati (kebijakan misfire skip)</translation>
    </message>
    <message>
        <source>missed %1 run(s) since %2; running %3 (misfire policy run_all)</source>
        <translation>%1 jalan terlewat sejak %2; menjalankan %3 (kebijakan misfire run_all)</translation>
    </message>
    <message>
        <source>missed %1 run(s) since %2; running once (misfire policy run_once)</source>
        <translation>%1 jalan terlewat sejak %2; dijalankan sekali (kebijakan misfire run_once)</translation>
    </message>
</context>
<context>
    <name>hb::TaskTableModel</name>
    <message>
        <source>on</source>
        <translation>aktif</translation>
    </message>
    <message>
        <source>off</source>
        <translation>mati</translation>
    </message>
    <message numerus="yes">
        <source> (%n failure(s))</source>
        <translation>
            <numerusform> (%n kegagalan)</numerusform>
        </translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>belum</translation>
    </message>
    <message>
        <source>running…</source>
        <translation>berjalan…</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Tugas</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>Aktif</translation>
    </message>
    <message>
        <source>Circuit breaker</source>
        <translation>Pemutus sirkuit</translation>
    </message>
    <message>
        <source>Last run</source>
        <translation>Jalan terakhir</translation>
    </message>
    <message>
        <source>Last outcome</source>
        <translation>Hasil terakhir</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Durasi</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Butir</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Selesai</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Jadwal</translation>
    </message>
    <message>
        <source>every %1</source>
        <translation>tiap %1</translation>
    </message>
    <message>
        <source>%1 (held)</source>
        <translation>%1 (ditahan)</translation>
    </message>
    <message>
        <source>Turned off: the next tick skips this task.</source>
        <translation>Dimatikan: detak berikutnya melewati tugas ini.</translation>
    </message>
    <message>
        <source>Ticks still run but start no task until the engine is resumed.</source>
        <translation>Detak tetap berjalan tetapi tidak memulai tugas sampai mesin dilanjutkan.</translation>
    </message>
    <message>
        <source>Runs once per tick.</source>
        <translation>Berjalan sekali tiap detak.</translation>
    </message>
    <message>
        <source>Runs once per tick; next tick at %1.</source>
        <translation>Berjalan sekali tiap detak; detak berikutnya pada %1.</translation>
    </message>
    <message>
        <source>held</source>
        <translation>ditahan</translation>
    </message>
    <message>
        <source>next tick</source>
        <translation>tick berikutnya</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>No run is scheduled.</source>
        <translation>Tidak ada jalan yang dijadwalkan.</translation>
    </message>
    <message>
        <source>Next run at %1.</source>
        <translation>Jalan berikutnya pada %1.</translation>
    </message>
</context>
<context>
    <name>hb::Tasks</name>
    <message>
        <source>cannot read the metrics database: %1</source>
        <translation>basis data metrik tidak dapat dibaca: %1</translation>
    </message>
    <message>
        <source>Cycles balance %1 is below the critical line of %2</source>
        <translation>Saldo cycles %1 di bawah batas kritis %2</translation>
    </message>
    <message>
        <source>Cycles balance %1 is below the alert line of %2</source>
        <translation>Saldo cycles %1 di bawah batas peringatan %2</translation>
    </message>
    <message>
        <source>demo outage: the price feed is unreachable</source>
        <translation>gangguan demo: umpan harga tidak terjangkau</translation>
    </message>
    <message>
        <source>no price source configured</source>
        <translation>sumber harga belum diatur</translation>
    </message>
    <message>
        <source>Oracle error rate %1 % over the last %2 fetches is above %3 %</source>
        <translation>Tingkat galat oracle %1 % dari %2 pengambilan terakhir di atas %3 %</translation>
    </message>
    <message>
        <source>Oracle answers in %1 ms on average, above %2 ms</source>
        <translation>Oracle menjawab rata-rata dalam %1 ms, di atas %2 ms</translation>
    </message>
    <message>
        <source>The newest oracle price is %1 s old, older than %2 s</source>
        <translation>Harga oracle terbaru berumur %1 dtk, lebih tua dari %2 dtk</translation>
    </message>
    <message>
        <source>price update of %1 failed: %2</source>
        <translation>pembaruan harga %1 gagal: %2</translation>
    </message>
    <message>
        <source>price update failed: %1</source>
        <translation>pembaruan harga gagal: %1</translation>
    </message>
    <message>
        <source>%1 cannot run: no %2 was configured</source>
        <translation>%1 tidak dapat berjalan: %2 belum dikonfigurasi</translation>
    </message>
    <message>
        <source>The treasury (%1) cannot cover a cycles top-up of %2</source>
        <translation>Kas (%1) tidak dapat menutup pengisian cycles sebesar %2</translation>
    </message>
    <message>
        <source>%1; no fallback price source to try (oracle.fallback_source)</source>
        <translation>%1; tidak ada sumber harga cadangan untuk dicoba (oracle.fallback_source)</translation>
    </message>
    <message>
        <source>%1; the fallback source %2 failed too: %3</source>
        <translation>%1; sumber cadangan %2 juga gagal: %3</translation>
    </message>
    <message>
        <source>no last known price of %1 to carry forward: %2</source>
        <translation>tidak ada harga terakhir %1 untuk diteruskan: %2</translation>
    </message>
    <message>
        <source>Prices carried forward since %1: %2</source>
        <translation>Harga diteruskan sejak %1: %2</translation>
    </message>
</context>
<context>
    <name>hb::TickHistoryModel</name>
    <message>
        <source>previous tick still running</source>
        <translation>detak sebelumnya masih berjalan</translation>
    </message>
    <message>
        <source>emergency pause</source>
        <translation>jeda darurat</translation>
    </message>
    <message>
        <source>maintenance mode</source>
        <translation>mode pemeliharaan</translation>
    </message>
    <message>
        <source>heartbeat disabled</source>
        <translation>heartbeat dinonaktifkan</translation>
    </message>
    <message>
        <source>no task ran: %1</source>
        <translation>tidak ada tugas yang berjalan: %1</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Waktu</translation>
    </message>
    <message>
        <source>Tick</source>
        <translation>Detak</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Durasi</translation>
    </message>
    <message>
        <source>Ran</source>
        <translation>Berjalan</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>Berhasil</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Gagal</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Catatan</translation>
    </message>
</context>
<context>
    <name>hb::TimeRangeDialog</name>
    <message>
        <source>Custom time range</source>
        <translation>Rentang waktu khusus</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>Dari:</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>Sampai:</translation>
    </message>
    <message>
        <source>The file holds %1 to %2</source>
        <translation>Berkas berisi %1 sampai %2</translation>
    </message>
    <message>
        <source>The end must come after the start.</source>
        <translation>Akhir harus setelah awal.</translation>
    </message>
</context>
<context>
    <name>hb::TokenStore</name>
    <message>
        <source>expected &quot;viewer&quot;, &quot;operator&quot; or &quot;admin&quot;</source>
        <translation>harus &quot;viewer&quot;, &quot;operator&quot; atau &quot;admin&quot;</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid token name: use 1 to 64 letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;</source>
        <translation>&apos;%1&apos; bukan nama token yang sah: gunakan 1 sampai 64 huruf, angka, &apos;.&apos;, &apos;_&apos; atau &apos;-&apos;</translation>
    </message>
    <message>
        <source>a token named &apos;%1&apos; already exists</source>
        <translation>token bernama &apos;%1&apos; sudah ada</translation>
    </message>
    <message>
        <source>no token named &apos;%1&apos;</source>
        <translation>tidak ada token bernama &apos;%1&apos;</translation>
    </message>
</context>
<context>
    <name>hb::TokensDialog</name>
    <message>
        <source>Viewer</source>
        <translation>Pemirsa</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Operator</translation>
    </message>
    <message>
        <source>Admin</source>
        <translation>Admin</translation>
    </message>
    <message>
        <source>New API token</source>
        <translation>Token API baru</translation>
    </message>
    <message>
        <source>e.g. wall-display</source>
        <translation>mis. layar-dinding</translation>
    </message>
    <message>
        <source>Letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos;</source>
        <translation>Huruf, angka, &apos;.&apos;, &apos;_&apos; dan &apos;-&apos;</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Buat</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nama:</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>&amp;Peran:</translation>
    </message>
    <message>
        <source>&amp;Create…</source>
        <translation>&amp;Buat…</translation>
    </message>
    <message>
        <source>&amp;Revoke…</source>
        <translation>&amp;Cabut…</translation>
    </message>
    <message>
        <source>API tokens</source>
        <translation>Token API</translation>
    </message>
    <message>
        <source>Programs using the HTTP API send one of these tokens as “Authorization: Bearer TOKEN”. A viewer token can only read.</source>
        <translation>Program yang memakai API HTTP mengirim salah satu token ini sebagai “Authorization: Bearer TOKEN”. Token pemirsa hanya bisa membaca.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Peran</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Dibuat</translation>
    </message>
    <message>
        <source>Last used</source>
        <translation>Terakhir dipakai</translation>
    </message>
    <message>
        <source>C&amp;opy</source>
        <translation>&amp;Salin</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Tersalin</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Belum pernah</translation>
    </message>
    <message>
        <source>Admin is locked</source>
        <translation>Admin terkunci</translation>
    </message>
    <message>
        <source>&lt;b&gt;Token “%1” created. Copy it now: it will not be shown again.&lt;/b&gt;</source>
        <translation>&lt;b&gt;Token “%1” dibuat. Salin sekarang: token ini tidak akan ditampilkan lagi.&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Revoke API token</source>
        <translation>Cabut token API</translation>
    </message>
    <message>
        <source>Revoke the token “%1”? Programs using it are refused from now on.</source>
        <translation>Cabut token “%1”? Program yang memakainya akan ditolak mulai sekarang.</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>Cabut</translation>
    </message>
</context>
<context>
    <name>hb::WallWindow</name>
    <message>
        <source>Circuit breakers</source>
        <translation>Pemutus sirkuit</translation>
    </message>
    <message numerus="yes">
        <source>%n more not closed</source>
        <translation>
            <numerusform>%n lagi belum tertutup</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>all %n closed</source>
        <translation>
            <numerusform>semua %n tertutup</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n closed</source>
        <translation>
            <numerusform>%n tertutup</numerusform>
        </translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>belum ada</translation>
    </message>
    <message numerus="yes">
        <source>Load of %n shard(s)</source>
        <translation>
            <numerusform>Beban %n shard</numerusform>
        </translation>
    </message>
    <message>
        <source>busiest</source>
        <translation>tersibuk</translation>
    </message>
    <message>
        <source>- - mean %1</source>
        <translation>- - rerata %1</translation>
    </message>
    <message>
        <source>Execution time</source>
        <translation>Waktu eksekusi</translation>
    </message>
    <message>
        <source>average</source>
        <translation>rerata</translation>
    </message>
    <message>
        <source>peak %1</source>
        <translation>puncak %1</translation>
    </message>
    <message>
        <source>Success rate</source>
        <translation>Tingkat keberhasilan</translation>
    </message>
    <message numerus="yes">
        <source>last %n runs</source>
        <translation>
            <numerusform>%n jalan terakhir</numerusform>
        </translation>
    </message>
    <message>
        <source>per tick</source>
        <translation>per detak</translation>
    </message>
    <message>
        <source>Memory and cycles</source>
        <translation>Memori dan siklus</translation>
    </message>
    <message>
        <source>memory</source>
        <translation>memori</translation>
    </message>
    <message>
        <source>cycles %1</source>
        <translation>siklus %1</translation>
    </message>
    <message>
        <source>cycles —</source>
        <translation>siklus —</translation>
    </message>
    <message>
        <source>oracle not configured</source>
        <translation>oracle tidak dikonfigurasi</translation>
    </message>
    <message>
        <source>oracle not measured yet</source>
        <translation>oracle belum diukur</translation>
    </message>
    <message>
        <source>oracle OK (demo feed)</source>
        <translation>oracle OK (data demo)</translation>
    </message>
    <message>
        <source>oracle OK</source>
        <translation>oracle OK</translation>
    </message>
    <message>
        <source>oracle degraded: %1</source>
        <translation>oracle menurun: %1</translation>
    </message>
    <message>
        <source>oracle down</source>
        <translation>oracle mati</translation>
    </message>
    <message>
        <source>EMERGENCY PAUSE</source>
        <translation>JEDA DARURAT</translation>
    </message>
    <message>
        <source>MAINTENANCE</source>
        <translation>PEMELIHARAAN</translation>
    </message>
    <message>
        <source>Heartbeat disabled</source>
        <translation>Heartbeat dinonaktifkan</translation>
    </message>
    <message>
        <source>Waiting for the first heartbeat</source>
        <translation>Menunggu detak pertama</translation>
    </message>
    <message>
        <source>Heartbeat stale</source>
        <translation>Detak basi</translation>
    </message>
    <message>
        <source>Healthy, with alerts</source>
        <translation>Sehat, dengan peringatan</translation>
    </message>
    <message numerus="yes">
        <source>%n active alert(s)</source>
        <translation>
            <numerusform>%n peringatan aktif</numerusform>
        </translation>
    </message>
    <message>
        <source>Healthy</source>
        <translation>Sehat</translation>
    </message>
    <message>
        <source>last heartbeat %1</source>
        <translation>detak terakhir %1</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>tertutup</translation>
    </message>
    <message>
        <source>half open</source>
        <translation>setengah terbuka</translation>
    </message>
    <message>
        <source>open</source>
        <translation>terbuka</translation>
    </message>
    <message>
        <source>CRITICAL</source>
        <translation>KRITIS</translation>
    </message>
    <message>
        <source>WARNING</source>
        <translation>PERINGATAN</translation>
    </message>
    <message>
        <source>INFO</source>
        <translation>INFO</translation>
    </message>
    <message numerus="yes">
        <source>failures</source>
        <translation>
            <numerusform>kegagalan</numerusform>
        </translation>
    </message>
    <message>
        <source>next run is the trial</source>
        <translation>jalan berikutnya uji coba</translation>
    </message>
    <message>
        <source>no trial planned</source>
        <translation>tak ada uji coba terencana</translation>
    </message>
    <message>
        <source>next trial in %1</source>
        <translation>uji coba dalam %1</translation>
    </message>
    <message>
        <source>trial due now</source>
        <translation>uji coba sekarang</translation>
    </message>
    <message>
        <source>since last heartbeat</source>
        <translation>sejak detak terakhir</translation>
    </message>
    <message>
        <source>never heard from</source>
        <translation>belum pernah terdengar</translation>
    </message>
    <message>
        <source>down since %1</source>
        <translation>mati sejak %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Menghubungkan…</translation>
    </message>
    <message>
        <source>No data yet</source>
        <translation>Belum ada data</translation>
    </message>
    <message>
        <source>No update since %1</source>
        <translation>Tak ada pembaruan sejak %1</translation>
    </message>
    <message>
        <source>Engine unreachable since %1</source>
        <translation>Mesin tak terjangkau sejak %1</translation>
    </message>
    <message>
        <source>Not authorised</source>
        <translation>Tidak berwenang</translation>
    </message>
    <message>
        <source>The engine speaks a newer API version</source>
        <translation>Mesin memakai versi API lebih baru</translation>
    </message>
    <message>
        <source>This address cannot be used</source>
        <translation>Alamat ini tidak dapat dipakai</translation>
    </message>
    <message>
        <source>Unreadable data from the engine since %1</source>
        <translation>Data mesin tak terbaca sejak %1</translation>
    </message>
    <message>
        <source>next attempt in %1</source>
        <translation>coba lagi dalam %1</translation>
    </message>
    <message>
        <source>not retrying</source>
        <translation>tidak mencoba lagi</translation>
    </message>
    <message>
        <source>dimmed: the values of %1</source>
        <translation>diredupkan: nilai %1</translation>
    </message>
    <message>
        <source>no data yet</source>
        <translation>belum ada data</translation>
    </message>
    <message>
        <source>updated %1</source>
        <translation>diperbarui %1</translation>
    </message>
    <message>
        <source>pinned</source>
        <translation>disematkan</translation>
    </message>
    <message numerus="yes">
        <source>%n more not shown</source>
        <translation>
            <numerusform>%n lagi tidak ditampilkan</numerusform>
        </translation>
    </message>
    <message>
        <source>No active alerts</source>
        <translation>Tidak ada peringatan aktif</translation>
    </message>
    <message numerus="yes">
        <source>active alerts</source>
        <translation>
            <numerusform>peringatan aktif</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n critical</source>
        <translation>
            <numerusform>%n kritis</numerusform>
        </translation>
    </message>
    <message>
        <source>Leave the wall display?</source>
        <translation>Tinggalkan layar dinding?</translation>
    </message>
    <message>
        <source>Enter or Y: leave · Esc or N: stay (%1 s)</source>
        <translation>Enter atau Y: keluar · Esc atau N: tetap (%1 dtk)</translation>
    </message>
    <message>
        <source>Heartbeat wall display</source>
        <translation>Layar dinding Heartbeat</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Ikhtisar</translation>
    </message>
    <message>
        <source>Machines</source>
        <translation>Mesin</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Peringatan</translation>
    </message>
    <message>
        <source>No circuit breakers yet</source>
        <translation>Belum ada pemutus sirkuit</translation>
    </message>
    <message>
        <source>No machines registered</source>
        <translation>Tidak ada mesin terdaftar</translation>
    </message>
</context>
<context>
    <name>hb::analysis</name>
    <message>
        <source>--%1 must be an ISO 8601 date or time, e.g. 2026-12-01 or 2026-12-01T09:30:00Z (got &apos;%2&apos;)</source>
        <translation>--%1 harus tanggal atau waktu ISO 8601, mis. 2026-12-01 atau 2026-12-01T09:30:00Z (didapat &apos;%2&apos;)</translation>
    </message>
    <message>
        <source>%1: is the metrics file being read; choose another output file</source>
        <translation>%1: adalah berkas metrik yang sedang dibaca; pilih berkas keluaran lain</translation>
    </message>
    <message>
        <source>%1: cannot write (%2)</source>
        <translation>%1: tidak dapat ditulis (%2)</translation>
    </message>
    <message>
        <source>--%1 must be buckets, runs or audit (got &apos;%2&apos;)</source>
        <translation>--%1 harus buckets, runs atau audit (didapat &apos;%2&apos;)</translation>
    </message>
    <message>
        <source>%1: a report is .pdf or .html</source>
        <translation>%1: laporan harus .pdf atau .html</translation>
    </message>
    <message>
        <source>Open a saved metrics.db read-only for analysis (it is never changed). A file that is not one this build can read: one line and status 2.</source>
        <translation>Buka metrics.db tersimpan dalam mode hanya baca untuk analisis (berkas tidak pernah diubah). Berkas yang tidak dapat dibaca versi ini: satu baris pesan dan status 2.</translation>
    </message>
    <message>
        <source>With --open: write a CSV of the range to FILE and exit, without a window (see --csv-rows, --from, --to).</source>
        <translation>Dengan --open: tulis CSV rentang ke FILE lalu keluar, tanpa jendela (lihat --csv-rows, --from, --to).</translation>
    </message>
    <message>
        <source>With --open: write the maintenance report of the range to FILE (.pdf or .html) and exit, without a window (see --from, --to).</source>
        <translation>Dengan --open: tulis laporan pemeliharaan rentang ke FILE (.pdf atau .html) lalu keluar, tanpa jendela (lihat --from, --to).</translation>
    </message>
    <message>
        <source>What --export-csv writes: buckets (per task and minute or hour: runs, outcomes, avg_ms, max_ms; the default), runs or audit.</source>
        <translation>Yang ditulis --export-csv: buckets (per tugas dan menit atau jam: jalan, hasil, avg_ms, max_ms; bawaan), runs atau audit.</translation>
    </message>
    <message>
        <source>Start of the range (ISO 8601, UTC unless it has an offset; default: the start of the file).</source>
        <translation>Awal rentang (ISO 8601, UTC kecuali ada offset; bawaan: awal berkas).</translation>
    </message>
    <message>
        <source>End of the range, exclusive (ISO 8601; default: the end of the file).</source>
        <translation>Akhir rentang, tidak termasuk (ISO 8601; bawaan: akhir berkas).</translation>
    </message>
    <message>
        <source>--%1 needs --open FILE.db</source>
        <translation>--%1 memerlukan --open FILE.db</translation>
    </message>
    <message>
        <source>--from (%1) must be before --to (%2)</source>
        <translation>--from (%1) harus sebelum --to (%2)</translation>
    </message>
    <message>
        <source>--%1 needs --%2 FILE</source>
        <translation>--%1 memerlukan --%2 FILE</translation>
    </message>
</context>
<context>
    <name>hb::body</name>
    <message>
        <source>the body must be a JSON object</source>
        <translation>isi permintaan harus berupa objek JSON</translation>
    </message>
    <message>
        <source>the body is empty; expected a JSON object</source>
        <translation>isi permintaan kosong; diharapkan objek JSON</translation>
    </message>
    <message>
        <source>not valid JSON: %1 at byte %2</source>
        <translation>JSON tidak valid: %1 pada bita %2</translation>
    </message>
    <message>
        <source>appears more than once</source>
        <translation>muncul lebih dari sekali</translation>
    </message>
    <message>
        <source>unknown field</source>
        <translation>kolom tidak dikenal</translation>
    </message>
    <message>
        <source>field &apos;%1&apos;: %2</source>
        <translation>kolom &apos;%1&apos;: %2</translation>
    </message>
    <message>
        <source>required</source>
        <translation>wajib</translation>
    </message>
    <message>
        <source>expected a string</source>
        <translation>diharapkan string</translation>
    </message>
    <message>
        <source>must not be empty</source>
        <translation>tidak boleh kosong</translation>
    </message>
    <message>
        <source>must be valid Unicode text</source>
        <translation>harus teks Unicode yang valid</translation>
    </message>
    <message>
        <source>must be at most %1 characters (got %2)</source>
        <translation>paling banyak %1 karakter (didapat %2)</translation>
    </message>
    <message>
        <source>must be one line of text without control characters</source>
        <translation>harus satu baris teks tanpa karakter kontrol</translation>
    </message>
    <message>
        <source>expected a boolean</source>
        <translation>diharapkan boolean</translation>
    </message>
    <message>
        <source>unknown field; this command takes no arguments</source>
        <translation>kolom tidak dikenal; perintah ini tanpa argumen</translation>
    </message>
    <message>
        <source>must be text without control characters other than line breaks and tabs</source>
        <translation>harus berupa teks tanpa karakter kontrol selain ganti baris dan tab</translation>
    </message>
    <message>
        <source>expected a number</source>
        <translation>seharusnya angka</translation>
    </message>
    <message>
        <source>must not be negative</source>
        <translation>tidak boleh negatif</translation>
    </message>
    <message>
        <source>must be 1 to 64 characters of one line without surrounding spaces</source>
        <translation>harus 1 sampai 64 karakter dalam satu baris tanpa spasi di awal atau akhir</translation>
    </message>
    <message>
        <source>must be whole milliseconds since 1970 (UTC)</source>
        <translation>harus berupa milidetik utuh sejak 1970 (UTC)</translation>
    </message>
    <message>
        <source>expected an ISO 8601 date-time or milliseconds since the epoch</source>
        <translation>diharapkan tanggal-waktu ISO 8601 atau milidetik sejak epoch</translation>
    </message>
    <message>
        <source>expected an ISO 8601 date-time with its offset, e.g. 2026-05-01T22:00:00Z</source>
        <translation>diharapkan tanggal-waktu ISO 8601 dengan offset-nya, mis. 2026-05-01T22:00:00Z</translation>
    </message>
    <message>
        <source>must be between 1970 and 9999 (UTC)</source>
        <translation>harus antara tahun 1970 dan 9999 (UTC)</translation>
    </message>
    <message>
        <source>must be later than &quot;from&quot;</source>
        <translation>harus lebih lambat dari &quot;from&quot;</translation>
    </message>
    <message>
        <source>is in the past</source>
        <translation>sudah lewat</translation>
    </message>
    <message>
        <source>must be at most 366 days after &quot;from&quot;</source>
        <translation>harus paling lama 366 hari setelah &quot;from&quot;</translation>
    </message>
    <message>
        <source>expected an object</source>
        <translation>diharapkan sebuah objek</translation>
    </message>
    <message>
        <source>must be one of %1</source>
        <translation>harus salah satu dari %1</translation>
    </message>
    <message>
        <source>position %1: %2</source>
        <translation>posisi %1: %2</translation>
    </message>
    <message>
        <source>required: a cron expression, e.g. &quot;0 2 * * sun&quot;</source>
        <translation>wajib: ekspresi cron, mis. &quot;0 2 * * sun&quot;</translation>
    </message>
    <message>
        <source>required: how long each time, from 1m to 7d, e.g. &quot;2h&quot;</source>
        <translation>wajib: lamanya tiap kali, dari 1m hingga 7d, mis. &quot;2h&quot;</translation>
    </message>
    <message>
        <source>must be a time zone such as Asia/Jakarta</source>
        <translation>harus zona waktu seperti Asia/Jakarta</translation>
    </message>
    <message>
        <source>must be at most ten years after &quot;from&quot; (a recurring silence)</source>
        <translation>paling lama sepuluh tahun setelah &quot;from&quot; (senyap berulang)</translation>
    </message>
</context>
<context>
    <name>hb::chartaxes</name>
    <message>
        <source>%1 ms</source>
        <translation>%1 md</translation>
    </message>
    <message>
        <source>%1 T</source>
        <translation>%1 T</translation>
    </message>
    <message>
        <source>%1 B</source>
        <translation>%1 M</translation>
    </message>
    <message>
        <source>%1 M</source>
        <translation>%1 jt</translation>
    </message>
    <message>
        <source>%1 K</source>
        <translation>%1 rb</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 mnt</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 dtk</translation>
    </message>
</context>
<context>
    <name>hb::cli</name>
    <message>
        <source>Data directory (config.json, metrics.db, ledger/). Default: %1.</source>
        <translation>Direktori data (config.json, metrics.db, ledger/). Bawaan: %1.</translation>
    </message>
    <message>
        <source>unexpected argument &apos;%1&apos;</source>
        <translation>argumen tak terduga &apos;%1&apos;</translation>
    </message>
    <message>
        <source>--%1 must be a whole number from %2 to %3 (got &apos;%4&apos;)</source>
        <translation>--%1 harus bilangan bulat dari %2 sampai %3 (didapat &apos;%4&apos;)</translation>
    </message>
    <message>
        <source>--%1 must be a positive number of seconds (got &apos;%2&apos;)</source>
        <translation>--%1 harus jumlah detik yang positif (didapat &apos;%2&apos;)</translation>
    </message>
    <message>
        <source>Tick interval in milliseconds for this run (default: from config.json; 30000 in production, 2000 in demo).</source>
        <translation>Selang detak dalam milidetik untuk jalan ini (bawaan: dari config.json; 30000 di produksi, 2000 di demo).</translation>
    </message>
    <message>
        <source>Loans in the demo ledger of a new demo data directory, 0 to 1000000 (default: 5000).</source>
        <translation>Jumlah pinjaman di ledger demo untuk direktori data demo baru, 0 sampai 1000000 (bawaan: 5000).</translation>
    </message>
    <message>
        <source>%1 (see &apos;%2 --help&apos;)</source>
        <translation>%1 (lihat &apos;%2 --help&apos;)</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAMA</translation>
    </message>
    <message>
        <source>ROLE</source>
        <translation>PERAN</translation>
    </message>
    <message>
        <source>CREATED</source>
        <translation>DIBUAT</translation>
    </message>
    <message>
        <source>LAST-USED</source>
        <translation>TERAKHIR-DIPAKAI</translation>
    </message>
    <message>
        <source>token create needs --name NAME</source>
        <translation>token create memerlukan --name NAMA</translation>
    </message>
    <message>
        <source>token create needs --role viewer|operator|admin</source>
        <translation>token create memerlukan --role viewer|operator|admin</translation>
    </message>
    <message>
        <source>--role must be viewer, operator or admin (got &apos;%1&apos;)</source>
        <translation>--role harus viewer, operator atau admin (didapat &apos;%1&apos;)</translation>
    </message>
    <message>
        <source>created token &apos;%1&apos; (%2); store it now: it is not shown again</source>
        <translation>token &apos;%1&apos; (%2) dibuat; simpan sekarang: token ini tidak ditampilkan lagi</translation>
    </message>
    <message>
        <source>revoked token &apos;%1&apos;</source>
        <translation>token &apos;%1&apos; dicabut</translation>
    </message>
    <message>
        <source>API tokens of a data directory: clients send one as &apos;Authorization: Bearer TOKEN&apos;.
  token create --name NAME --role ROLE   print a new token (shown only once)
  token list                             names, roles, created and last-used times
  token revoke NAME                      the token stops working</source>
        <translation>Token API sebuah direktori data: klien mengirimnya sebagai &apos;Authorization: Bearer TOKEN&apos;.
  token create --name NAME --role ROLE   cetak token baru (hanya ditampilkan sekali)
  token list                             nama, peran, waktu dibuat dan terakhir dipakai
  token revoke NAME                      token tidak berlaku lagi</translation>
    </message>
    <message>
        <source>create: the token&apos;s name (1 to 64 letters, digits, &apos;.&apos;, &apos;_&apos;, &apos;-&apos;).</source>
        <translation>create: nama token (1 sampai 64 huruf, angka, &apos;.&apos;, &apos;_&apos;, &apos;-&apos;).</translation>
    </message>
    <message>
        <source>create: the token&apos;s role: viewer, operator or admin.</source>
        <translation>create: peran token: viewer, operator atau admin.</translation>
    </message>
    <message>
        <source>revoke: the token&apos;s name.</source>
        <translation>revoke: nama token.</translation>
    </message>
    <message>
        <source>--name and --role are for token create</source>
        <translation>--name dan --role hanya untuk token create</translation>
    </message>
    <message>
        <source>--offline-after must be a duration from 1s to 30d such as 90s, 2m, 1h (got &apos;%1&apos;)</source>
        <translation>--offline-after harus lama waktu dari 1s sampai 30d seperti 90s, 2m, 1h (didapat &apos;%1&apos;)</translation>
    </message>
    <message>
        <source>added machine &apos;%1&apos; (down after %2 without a heartbeat); store its push token now: it is not shown again</source>
        <translation>mesin &apos;%1&apos; ditambahkan (dianggap mati setelah %2 tanpa heartbeat); simpan token kirimnya sekarang: token ini tidak ditampilkan lagi</translation>
    </message>
    <message>
        <source>STATE</source>
        <translation>KEADAAN</translation>
    </message>
    <message>
        <source>OFFLINE-AFTER</source>
        <translation>LURING-SETELAH</translation>
    </message>
    <message>
        <source>PAUSED</source>
        <translation>DIJEDA</translation>
    </message>
    <message>
        <source>LAST-SEEN</source>
        <translation>TERAKHIR-TERLIHAT</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ya</translation>
    </message>
    <message>
        <source>no</source>
        <translation>tidak</translation>
    </message>
    <message>
        <source>removed machine &apos;%1&apos;</source>
        <translation>mesin &apos;%1&apos; dihapus</translation>
    </message>
    <message>
        <source>paused machine &apos;%1&apos;</source>
        <translation>mesin &apos;%1&apos; dijeda</translation>
    </message>
    <message>
        <source>resumed machine &apos;%1&apos;</source>
        <translation>mesin &apos;%1&apos; dilanjutkan</translation>
    </message>
    <message>
        <source>Machines that push heartbeats to this data directory&apos;s engine.
  machine add NAME [--offline-after 2m]  print its push token (shown only once)
  machine list                           names, states, windows, last heartbeats
  machine remove NAME                    forget it (its token stops working)
  machine pause NAME                     stop judging it (maintenance)
  machine resume NAME                    judge it again from its last heartbeat</source>
        <translation>Mesin yang mengirim heartbeat ke engine direktori data ini.
  machine add NAME [--offline-after 2m]  cetak token kirimnya (hanya ditampilkan sekali)
  machine list                           nama, keadaan, batas waktu, heartbeat terakhir
  machine remove NAME                    lupakan mesin (tokennya tidak berlaku lagi)
  machine pause NAME                     berhenti menilainya (pemeliharaan)
  machine resume NAME                    nilai lagi mulai dari heartbeat terakhirnya</translation>
    </message>
    <message>
        <source>add: down after this long without a heartbeat, 1s to 30d (default: 2m).</source>
        <translation>add: dianggap mati setelah selama ini tanpa heartbeat, 1s sampai 30d (bawaan: 2m).</translation>
    </message>
    <message>
        <source>the machine&apos;s name.</source>
        <translation>nama mesin.</translation>
    </message>
    <message>
        <source>--offline-after is for machine add</source>
        <translation>--offline-after hanya untuk machine add</translation>
    </message>
    <message>
        <source>The next run times of a cron schedule, one per line (ISO 8601 with the offset).
EXPR: minute hour day-of-month month day-of-week, e.g. &quot;*/15 9-17 * * mon-fri&quot;.</source>
        <translation>Waktu jalan berikutnya dari jadwal cron, satu per baris (ISO 8601 dengan offset).
EXPR: menit jam tanggal bulan hari-dalam-minggu, mis. &quot;*/15 9-17 * * mon-fri&quot;.</translation>
    </message>
    <message>
        <source>The cron expression (5 fields, or @hourly, @daily, @weekly, …).</source>
        <translation>Ekspresi cron (5 kolom, atau @hourly, @daily, @weekly, …).</translation>
    </message>
    <message>
        <source>Time zone, e.g. Asia/Jakarta (default: the system&apos;s).</source>
        <translation>Zona waktu, mis. Asia/Jakarta (bawaan: zona sistem).</translation>
    </message>
    <message>
        <source>Runs after this time, ISO 8601; without an offset it is a time in the zone (default: now).</source>
        <translation>Jalan setelah waktu ini, ISO 8601; tanpa offset berarti waktu di zona tersebut (bawaan: sekarang).</translation>
    </message>
    <message>
        <source>How many runs, 1 to 1000 (default: 5).</source>
        <translation>Berapa kali jalan, 1 sampai 1000 (bawaan: 5).</translation>
    </message>
    <message>
        <source>%1 (see &apos;%2 %3 --help&apos;)</source>
        <translation>%1 (lihat &apos;%2 %3 --help&apos;)</translation>
    </message>
    <message>
        <source>schedule needs --cron EXPR</source>
        <translation>schedule memerlukan --cron EXPR</translation>
    </message>
    <message>
        <source>bad cron expression at position %1: %2</source>
        <translation>ekspresi cron salah pada posisi %1: %2</translation>
    </message>
    <message>
        <source>unknown time zone &apos;%1&apos;</source>
        <translation>zona waktu &apos;%1&apos; tidak dikenal</translation>
    </message>
    <message>
        <source>--from must be an ISO 8601 date or date and time, e.g. 2026-03-29T01:30:00+01:00 (got &apos;%1&apos;)</source>
        <translation>--from harus berupa tanggal atau tanggal dan waktu ISO 8601, mis. 2026-03-29T01:30:00+01:00 (didapat &apos;%1&apos;)</translation>
    </message>
    <message>
        <source>(%1 does not exist on this day: moved by the DST change)</source>
        <translation>(%1 tidak ada pada hari ini: dipindahkan oleh perubahan DST)</translation>
    </message>
</context>
<context>
    <name>hb::cli::Subcommand</name>
    <message>
        <source>Data directory holding %1. Default: %2.</source>
        <translation>Direktori data yang berisi %1. Bawaan: %2.</translation>
    </message>
    <message>
        <source>%1 (see &apos;%2 %3 --help&apos;)</source>
        <translation>%1 (lihat &apos;%2 %3 --help&apos;)</translation>
    </message>
    <message>
        <source>%1 needs a command: %2</source>
        <translation>%1 memerlukan perintah: %2</translation>
    </message>
    <message>
        <source>unknown %1 command &apos;%2&apos;: use %3</source>
        <translation>perintah %1 &apos;%2&apos; tidak dikenal: pakai %3</translation>
    </message>
    <message>
        <source>%1 %2 needs exactly one %3</source>
        <translation>%1 %2 memerlukan tepat satu %3</translation>
    </message>
    <message>
        <source>no such data directory</source>
        <translation>direktori data tidak ada</translation>
    </message>
    <message>
        <source>cannot create the data directory</source>
        <translation>direktori data tidak bisa dibuat</translation>
    </message>
    <message>
        <source>is not a directory</source>
        <translation>bukan direktori</translation>
    </message>
    <message>
        <source>never</source>
        <translation>tidak pernah</translation>
    </message>
</context>
<context>
    <name>hb::format</name>
    <message>
        <source>%1 ms</source>
        <translation>%1 md</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 dtk</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 mnt %2 dtk</translation>
    </message>
    <message>
        <source>never</source>
        <translation>tidak pernah</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>baru saja</translation>
    </message>
    <message>
        <source>%1 s ago</source>
        <translation>%1 dtk lalu</translation>
    </message>
    <message>
        <source>%1 min ago</source>
        <translation>%1 mnt lalu</translation>
    </message>
    <message>
        <source>%1 h ago</source>
        <translation>%1 jam lalu</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>success</source>
        <translation>berhasil</translation>
    </message>
    <message>
        <source>failure</source>
        <translation>gagal</translation>
    </message>
    <message>
        <source>timeout</source>
        <translation>batas waktu</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>dilewati</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>dibatalkan</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>tertutup</translation>
    </message>
    <message>
        <source>open</source>
        <translation>terbuka</translation>
    </message>
    <message>
        <source>half-open</source>
        <translation>setengah terbuka</translation>
    </message>
    <message>
        <source>Price update</source>
        <translation>Pembaruan harga</translation>
    </message>
    <message>
        <source>Loan monitoring</source>
        <translation>Pemantauan pinjaman</translation>
    </message>
    <message>
        <source>Cycles monitoring</source>
        <translation>Pemantauan cycles</translation>
    </message>
    <message>
        <source>Memory monitoring</source>
        <translation>Pemantauan memori</translation>
    </message>
    <message>
        <source>Auto cleanup</source>
        <translation>Pembersihan otomatis</translation>
    </message>
    <message>
        <source>Pool maintenance</source>
        <translation>Pemeliharaan pool</translation>
    </message>
    <message>
        <source>Auto liquidation</source>
        <translation>Likuidasi otomatis</translation>
    </message>
    <message>
        <source>Oracle monitoring</source>
        <translation>Pemantauan oracle</translation>
    </message>
    <message>
        <source>Treasury monitoring</source>
        <translation>Pemantauan kas</translation>
    </message>
    <message>
        <source>Shard balancing</source>
        <translation>Penyeimbangan shard</translation>
    </message>
    <message>
        <source>Demo workload</source>
        <translation>Beban kerja demo</translation>
    </message>
    <message>
        <source>%1 d</source>
        <translation>%1 hari</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 jam</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 mnt</translation>
    </message>
    <message>
        <source>now</source>
        <translation>sekarang</translation>
    </message>
    <message>
        <source>in %1 s</source>
        <translation>dalam %1 s</translation>
    </message>
    <message>
        <source>in %1 min</source>
        <translation>dalam %1 mnt</translation>
    </message>
    <message>
        <source>in %1 h</source>
        <translation>dalam %1 j</translation>
    </message>
    <message>
        <source>in %1 d</source>
        <translation>dalam %1 h</translation>
    </message>
</context>
<context>
    <name>hb::json</name>
    <message>
        <source>expected a number</source>
        <translation>diharapkan angka</translation>
    </message>
    <message>
        <source>unknown value &quot;%1&quot;</source>
        <translation>nilai tidak dikenal &quot;%1&quot;</translation>
    </message>
    <message>
        <source>expected null or a non-empty string</source>
        <translation>diharapkan null atau string tidak kosong</translation>
    </message>
    <message>
        <source>expected a number or null</source>
        <translation>seharusnya angka atau null</translation>
    </message>
    <message>
        <source>expected a string or null</source>
        <translation>seharusnya string atau null</translation>
    </message>
</context>
<context>
    <name>hb::tasks</name>
    <message>
        <source>cancelled before it finished</source>
        <translation>dibatalkan sebelum selesai</translation>
    </message>
</context>
<context>
    <name>hb::wall</name>
    <message>
        <source>%1: cannot read the token file (%2)</source>
        <translation>%1: file token tidak dapat dibaca (%2)</translation>
    </message>
    <message>
        <source>%1: not a token (expected one line, as `heartbeatd token create` prints it)</source>
        <translation>%1: bukan token (harus satu baris, seperti cetakan `heartbeatd token create`)</translation>
    </message>
    <message>
        <source>%1: cannot write (%2)</source>
        <translation>%1: tidak dapat ditulis (%2)</translation>
    </message>
    <message>
        <source>made the viewer token &apos;%1&apos; for the wall (%2)</source>
        <translation>token pemirsa &apos;%1&apos; dibuat untuk layar dinding (%2)</translation>
    </message>
    <message>
        <source>--%1 needs --wall</source>
        <translation>--%1 memerlukan --wall</translation>
    </message>
    <message>
        <source>--wall and --open cannot be used together</source>
        <translation>--wall dan --open tidak dapat dipakai bersamaan</translation>
    </message>
    <message>
        <source>--connect needs --token-file (a viewer token: heartbeatd token create --name wall --role viewer)</source>
        <translation>--connect memerlukan --token-file (token pemirsa: heartbeatd token create --name wall --role viewer)</translation>
    </message>
    <message>
        <source>%1: no such data directory (use --data-dir, or --connect URL)</source>
        <translation>%1: direktori data tidak ada (pakai --data-dir, atau --connect URL)</translation>
    </message>
    <message>
        <source>%1 (create a viewer token with `heartbeatd token create --name wall --role viewer` and pass it with --token-file)</source>
        <translation>%1 (buat token pemirsa dengan `heartbeatd token create --name wall --role viewer` dan berikan dengan --token-file)</translation>
    </message>
    <message>
        <source>%1: no engine serves this directory and it holds no metrics.db</source>
        <translation>%1: tidak ada mesin yang melayani direktori ini dan tidak ada metrics.db di dalamnya</translation>
    </message>
</context>
<context>
    <name>heartbeatd</name>
    <message>
        <source>The Heartbeat maintenance engine, headless.</source>
        <translation>Mesin pemeliharaan Heartbeat, tanpa antarmuka grafis.</translation>
    </message>
    <message>
        <source>Demo mode: a new data directory gets the demo configuration; ticks every 2 s unless --tick-ms is given.</source>
        <translation>Mode demo: direktori data baru mendapat konfigurasi demo; berdetak setiap 2 dtk kecuali --tick-ms diberikan.</translation>
    </message>
    <message>
        <source>Stop after this many seconds, as on SIGTERM.</source>
        <translation>Berhenti setelah sekian detik, seperti pada SIGTERM.</translation>
    </message>
    <message>
        <source>Serve the HTTP API on ADDRESS:PORT, or &quot;none&quot; (default: http.listen in config.json, 127.0.0.1:8089).</source>
        <translation>Layani API HTTP di ALAMAT:PORT, atau &quot;none&quot; (bawaan: http.listen di config.json, 127.0.0.1:8089).</translation>
    </message>
    <message>
        <source>running on %1, serving %2</source>
        <translation>berjalan di %1, melayani %2</translation>
    </message>
    <message>
        <source>running on %1</source>
        <translation>berjalan di %1</translation>
    </message>
    <message>
        <source>stopping</source>
        <translation>berhenti</translation>
    </message>
    <message>
        <source>Commands (each with --help):
  token create|list|revoke       API tokens of the data directory
  machine add|list|remove|...    pushing machines of the data directory
  schedule --cron EXPR           the next run times of a cron schedule</source>
        <translation>Perintah (masing-masing dengan --help):
  token create|list|revoke       token API dari direktori data
  machine add|list|remove|...    mesin pengirim dari direktori data
  schedule --cron EXPR           waktu jalan berikutnya dari jadwal cron</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Heartbeat Dashboard</source>
        <translation>Dasbor Heartbeat</translation>
    </message>
    <message>
        <source>Watch and steer the Heartbeat maintenance engine. On first run a demo data directory is created.</source>
        <translation>Pantau dan kendalikan mesin pemeliharaan Heartbeat. Pada jalan pertama, direktori data demo dibuat.</translation>
    </message>
    <message>
        <source>User interface language: en or id.</source>
        <translation>Bahasa antarmuka: en atau id.</translation>
    </message>
    <message>
        <source>Write a PNG of the main window to FILE when quitting (see --quit-after).</source>
        <translation>Tulis PNG jendela utama ke FILE saat keluar (lihat --quit-after).</translation>
    </message>
    <message>
        <source>Quit after this many seconds.</source>
        <translation>Keluar setelah sekian detik.</translation>
    </message>
    <message>
        <source>--lang must be en or id (got &apos;%1&apos;)</source>
        <translation>--lang harus en atau id (didapat &apos;%1&apos;)</translation>
    </message>
    <message>
        <source>%1: cannot write the screenshot</source>
        <translation>%1: tidak dapat menulis tangkapan layar</translation>
    </message>
    <message>
        <source>Metrics store failed</source>
        <translation>Penyimpanan metrik gagal</translation>
    </message>
    <message>
        <source>%1

The engine is paused and the ledger will not change until the metrics store can be written again. Free some space (or fix the file), then use Resume.</source>
        <translation>%1

Mesin dijeda dan buku besar tidak akan berubah sampai penyimpanan metrik dapat ditulis lagi. Kosongkan sebagian ruang (atau perbaiki berkasnya), lalu gunakan Lanjutkan.</translation>
    </message>
    <message>
        <source>Show the wall display: full screen, read-only, large type (README &quot;Wall display&quot;).</source>
        <translation>Tampilkan layar dinding: layar penuh, hanya-baca, huruf besar (README &quot;Wall display&quot;).</translation>
    </message>
    <message>
        <source>With --wall: the heartbeatd to show (its http:// or https:// URL).</source>
        <translation>Dengan --wall: heartbeatd yang ditampilkan (URL http:// atau https://).</translation>
    </message>
    <message>
        <source>With --wall: a file holding a viewer token for the engine&apos;s API.</source>
        <translation>Dengan --wall: file berisi token pemirsa untuk API mesin.</translation>
    </message>
    <message>
        <source>With --wall: the screen to fill (0 is the first).</source>
        <translation>Dengan --wall: layar yang diisi (0 adalah yang pertama).</translation>
    </message>
</context>
</TS>
