<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="id_ID">
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
    <name>hb::Config</name>
    <message>
        <source>the string "%1"</source>
        <translation>teks "%1"</translation>
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
        <source>field '%1': %2</source>
        <translation>kolom '%1': %2</translation>
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
        <translation><numerusform>%n peringatan aktif</numerusform></translation>
    </message>
    <message>
        <source>Healthy</source>
        <translation>Sehat</translation>
    </message>
    <message>
        <source>Last heartbeat %1</source>
        <translation>Detak terakhir %1</translation>
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
</context>
<context>
    <name>hb::MainWindow</name>
    <message>
        <source>Heartbeat Dashboard</source>
        <translation>Dasbor Heartbeat</translation>
    </message>
    <message>
        <source>&lt;b&gt;Maintenance tasks&lt;/b&gt;</source>
        <translation>&lt;b&gt;Tugas pemeliharaan&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Signed in as %1 (%2)</source>
        <translation>Masuk sebagai %1 (%2)</translation>
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
        <translation><numerusform> (%n kegagalan)</numerusform></translation>
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
</context>
<context>
    <name>hb::cli</name>
    <message>
        <source>Data directory (config.json, metrics.db, ledger/). Default: %1.</source>
        <translation>Direktori data (config.json, metrics.db, ledger/). Bawaan: %1.</translation>
    </message>
    <message>
        <source>unexpected argument '%1'</source>
        <translation>argumen tak terduga '%1'</translation>
    </message>
    <message>
        <source>--%1 must be a whole number from %2 to %3 (got '%4')</source>
        <translation>--%1 harus bilangan bulat dari %2 sampai %3 (didapat '%4')</translation>
    </message>
    <message>
        <source>--%1 must be a positive number of seconds (got '%2')</source>
        <translation>--%1 harus jumlah detik yang positif (didapat '%2')</translation>
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
        <source>Tick interval in milliseconds (default: from config.json; 30000 in production, 2000 in demo).</source>
        <translation>Selang detak dalam milidetik (bawaan: dari config.json; 30000 di produksi, 2000 di demo).</translation>
    </message>
    <message>
        <source>Stop after this many seconds, as on SIGTERM.</source>
        <translation>Berhenti setelah sekian detik, seperti pada SIGTERM.</translation>
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
        <source>Tick interval in milliseconds (default from config.json).</source>
        <translation>Selang detak dalam milidetik (bawaan dari config.json).</translation>
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
        <source>--lang must be en or id (got '%1')</source>
        <translation>--lang harus en atau id (didapat '%1')</translation>
    </message>
    <message>
        <source>Recording stopped</source>
        <translation>Pencatatan berhenti</translation>
    </message>
    <message>
        <source>%1: cannot write the screenshot</source>
        <translation>%1: tidak dapat menulis tangkapan layar</translation>
    </message>
</context>
</TS>